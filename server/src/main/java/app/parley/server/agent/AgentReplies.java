package app.parley.server.agent;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;
import app.parley.model.event.AgentReplyEvent;
import app.parley.model.event.TypingEvent;
import app.parley.model.message.Message;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.accounts.Account;
import app.parley.server.chats.ChatService;
import app.parley.server.config.ParleyLimits;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.messages.HistoryQuery;
import app.parley.server.messages.MessagePosted;
import app.parley.server.messages.MessageService;
import com.google.common.util.concurrent.MoreExecutors;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent answers every message a member writes in a conversation it is part of. Replies are
 * made off the request path, on their own threads: at most {@code max-concurrent} at once, one
 * at a time per conversation and in order. While it writes, the members see it typing and the
 * text so far ({@code agent_reply}); the reply is then posted as the agent's message through
 * the normal path (stored, delivered, counted unread). A failure is posted as a message that
 * says what went wrong; the next message tries again.
 */
@Singleton
class AgentReplies {
    private static final Logger LOG = LoggerFactory.getLogger(AgentReplies.class);
    private static final Duration PARTIAL_EVERY = Duration.ofMillis(150);
    private static final Duration TYPING_EVERY = Duration.ofSeconds(3);

    private final AgentConversations conversations;
    private final ChatCompletionsClient client;
    private final MessageService messages;
    private final ChatService chats;
    private final RealtimeEvents events;
    private final ParleyLimits limits;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, Executor> byChat = new ConcurrentHashMap<>();
    private final Semaphore generating;

    AgentReplies(
            AgentConversations conversations,
            ChatCompletionsClient client,
            MessageService messages,
            ChatService chats,
            RealtimeEvents events,
            ParleyLimits limits) {
        this.conversations = conversations;
        this.client = client;
        this.messages = messages;
        this.chats = chats;
        this.events = events;
        this.limits = limits;
        this.generating = new Semaphore(Math.max(1, conversations.settings().maxConcurrent()), true);
    }

    /**
     * Hears of a message once it is stored (its write has committed; see MessageService): hands
     * the work off at once and returns, since it runs on the thread that stores messages.
     */
    @EventListener
    void onPosted(MessagePosted posted) {
        if (!conversations.settings().available()) {
            return;
        }
        threads.execute(() -> {
            try {
                Account agent = conversations.agent().orElse(null);
                if (agent == null || posted.authorId() == agent.id() || !chats.isMember(posted.chatId(), agent.id())) {
                    return;
                }
                byChat.computeIfAbsent(posted.chatId(), id -> MoreExecutors.newSequentialExecutor(threads))
                        .execute(() -> reply(agent, posted));
            } catch (RuntimeException e) {
                LOG.error("Could not start the agent's reply in chat {}", posted.chatId(), e);
            }
        });
    }

    private void reply(Account agent, MessagePosted posted) {
        long chatId = posted.chatId();
        UserRef author = agent.toRef();
        String replyId = "agent-reply-" + posted.messageId();
        generating.acquireUninterruptibly();
        try {
            events.toRoomExcept(chatId, agent.id(), TypingEvent.typing(chatId, author));
            List<ChatTurn> turns = turns(agent, chatId, posted.messageId());
            Progress progress = new Progress(chatId, agent, replyId);
            String text;
            try {
                text = client.complete(conversations.settings(), turns, progress::update);
            } catch (AgentFailure failure) {
                text = "⚠ I could not answer: " + failure.reason() + ". Send your message again to retry.";
            }
            post(agent, chatId, replyId, text);
        } catch (RuntimeException e) {
            LOG.error("The agent's reply in chat {} failed", chatId, e);
        } finally {
            events.toRoomExcept(chatId, agent.id(), TypingEvent.stopped(chatId, author));
            generating.release();
        }
    }

    /**
     * The system prompt, then the conversation's latest messages up to the one being answered,
     * oldest first: the model always answers the last message it sees, even when the member
     * wrote again before an earlier reply was done.
     */
    private List<ChatTurn> turns(Account agent, long chatId, long answeredId) {
        int size = Math.max(1, Math.min(conversations.settings().maxContextMessages(), limits.pageSizeMax()));
        List<Message> recent = messages.history(
                        agent.id(), chatId, HistoryQuery.of(size, 0, answeredId + 1, null, "desc", limits))
                .reversed();
        boolean group = chats.memberCount(chatId) > 2;
        List<ChatTurn> turns = new ArrayList<>();
        turns.add(new ChatTurn(ChatTurn.SYSTEM, conversations.settings().systemPrompt()));
        for (Message message : recent) {
            boolean own = message.author() != null
                    && new IdRef.Numeric(agent.id()).equals(message.author().id());
            String content = message.text();
            if (!message.attachments().isEmpty()) {
                content += (content.isEmpty() ? "" : "\n") + "[attached: "
                        + String.join(
                                ", ",
                                message.attachments().stream()
                                        .map(a -> a.name())
                                        .toList()) + "]";
            }
            if (group && !own) {
                content = message.author().name() + ": " + content;
            }
            turns.add(new ChatTurn(own ? ChatTurn.ASSISTANT : ChatTurn.USER, content));
        }
        return turns;
    }

    /** Posts the reply as the agent, in as many messages as the message length limit needs. */
    private void post(Account agent, long chatId, String replyId, String text) {
        int max = limits.messageMax();
        List<String> parts = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        for (int start = 0; start < codePoints.length; start += max) {
            parts.add(new String(codePoints, start, Math.min(max, codePoints.length - start)));
        }
        for (int i = 0; i < parts.size(); i++) {
            messages.send(
                    agent.id(),
                    chatId,
                    new SendMessageRequest(parts.get(i), i == 0 ? replyId : replyId + "-" + (i + 1)));
        }
    }

    /** Shows the text so far and keeps the typing indicator alive, without flooding the sockets. */
    private final class Progress {
        private final long chatId;
        private final Account agent;
        private final String replyId;
        private long lastPartial;
        private long lastTyping = System.nanoTime();

        Progress(long chatId, Account agent, String replyId) {
            this.chatId = chatId;
            this.agent = agent;
            this.replyId = replyId;
        }

        void update(String soFar) {
            long now = System.nanoTime();
            if (now - lastPartial >= PARTIAL_EVERY.toNanos()) {
                lastPartial = now;
                events.toRoomExcept(chatId, agent.id(), AgentReplyEvent.partial(chatId, replyId, agent.toRef(), soFar));
            }
            if (now - lastTyping >= TYPING_EVERY.toNanos()) {
                lastTyping = now;
                events.toRoomExcept(chatId, agent.id(), TypingEvent.typing(chatId, agent.toRef()));
            }
        }
    }

    @PreDestroy
    void close() {
        threads.shutdownNow();
    }
}
