package app.parley.server.dialects.seed004;

import app.parley.model.common.IdRef;
import app.parley.server.accounts.AccountService;
import app.parley.server.agent.AgentConversations;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.common.PublicAddress;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 004's conversations. The WebSocket itself ({@code GET} with {@code Upgrade} at
 * {@code /api/conversations/{id}/connect}) is served by the realtime feature's
 * {@code ConversationSocket}; the document's {@code POST} to that path, here, tells the client
 * where it is.
 */
@Controller("/api/conversations")
@Secured(SecurityRule.IS_AUTHENTICATED)
class Seed004ConversationsController {
    /** Seed 002's "no limit" for the chat list: the document shows no paging either. */
    private static final int ALL = Integer.MAX_VALUE;

    private final ChatService chats;
    private final MessageService messages;
    private final AccountService accounts;
    private final AgentConversations agent;
    private final Seed004Views views;

    Seed004ConversationsController(
            ChatService chats,
            MessageService messages,
            AccountService accounts,
            AgentConversations agent,
            Seed004Views views) {
        this.chats = chats;
        this.messages = messages;
        this.accounts = accounts;
        this.agent = agent;
        this.views = views;
    }

    /** The caller's conversations, most recently active first. */
    @Get("{/}")
    List<Seed004Json.Conversation> list(Authentication authentication, HttpRequest<?> request) {
        long caller = Caller.id(authentication);
        String base = PublicAddress.http(request);
        return chats.rooms(caller, ALL, 0).stream()
                .map(row -> views.conversation(caller, row, base))
                .toList();
    }

    /**
     * Starts a conversation with another user: 201 when it is new, 200 with the same conversation
     * when the two already have one. With {@code is_ai: true}, the conversation with the server's
     * AI agent (refused while no agent is configured).
     */
    @Post("{/}")
    HttpResponse<Seed004Json.Conversation> create(
            Authentication authentication, @Body @Nullable Seed004Json.NewConversation body, HttpRequest<?> request) {
        long caller = Caller.id(authentication);
        String base = PublicAddress.http(request);
        if (body != null && Boolean.TRUE.equals(body.isAi())) {
            long chat = agent.open(caller);
            return HttpResponse.ok(views.conversation(caller, chats.room(caller, chat), base));
        }
        var result = chats.getOrCreatePrivate(caller, participant(caller, body));
        var conversation =
                views.conversation(caller, chats.room(caller, result.chat().id()), base);
        return result.created() ? HttpResponse.created(conversation) : HttpResponse.ok(conversation);
    }

    /** Every message of the conversation, oldest first. */
    @Get("/{conversationId}{/}")
    List<Seed004Json.HistoryItem> messages(Authentication authentication, String conversationId) {
        long caller = Caller.id(authentication);
        long chat = chats.get(IdRefs.parse(conversationId, "conversation_id")).id();
        return Seed004Views.history(messages.transcript(caller, chat));
    }

    /** Members only: where the conversation's WebSocket is (this path, opened as a WebSocket). */
    @Post("/{conversationId}/connect{/}")
    Seed004Json.Connected connect(Authentication authentication, String conversationId, HttpRequest<?> request) {
        Chat chat = chats.requireMember(IdRefs.parse(conversationId, "conversation_id"), Caller.id(authentication));
        return new Seed004Json.Connected(
                "WebSocket connected",
                chat.uuid(),
                PublicAddress.websocket(request) + "/api/conversations/" + chat.uuid() + "/connect");
    }

    /**
     * The other user, however the body names them ({@code participant_id}, {@code user_id},
     * {@code participants}, {@code participant_ids}). A list may name the caller too, as a list
     * of a conversation's participants would.
     */
    private IdRef participant(long caller, @Nullable Seed004Json.NewConversation body) {
        List<Object> named = new ArrayList<>();
        if (body != null) {
            add(named, body.participantId());
            add(named, body.userId());
            if (body.participants() != null) {
                body.participants().forEach(entry -> add(named, entry instanceof Map<?, ?> user ? idIn(user) : entry));
            }
            if (body.participantIds() != null) {
                body.participantIds().forEach(entry -> add(named, entry));
            }
        }
        if (named.isEmpty()) {
            throw new InvalidInputException(
                    "participant_id", "participant_id is required: the UUID of the user to talk to (or is_ai: true)");
        }
        Set<IdRef> refs = new LinkedHashSet<>();
        for (Object raw : named) {
            refs.add(IdRefs.parse(raw, "participant_id"));
        }
        List<IdRef> others =
                refs.stream().filter(ref -> !accounts.isSelf(caller, ref)).toList();
        if (others.size() > 1) {
            throw new InvalidInputException(
                    "participants", "a conversation is between two users: name one other participant");
        }
        // Only the caller named: the service says why that is no conversation.
        return others.isEmpty() ? refs.iterator().next() : others.getFirst();
    }

    private static void add(List<Object> named, @Nullable Object raw) {
        if (raw != null) {
            named.add(raw);
        }
    }

    private static Object idIn(Map<?, ?> user) {
        for (String key : List.of("user_id", "participant_id", "id")) {
            if (user.get(key) != null) {
                return user.get(key);
            }
        }
        throw new InvalidInputException("participants", "each participant must be a UUID or an object with user_id");
    }
}
