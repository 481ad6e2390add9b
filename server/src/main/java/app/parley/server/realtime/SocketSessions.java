package app.parley.server.realtime;

import app.parley.model.event.CloseCodes;
import app.parley.model.event.HistoryEvent;
import app.parley.model.message.Message;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.ParleyException;
import app.parley.server.events.EventJson;
import app.parley.server.messages.ChatSnapshot;
import app.parley.server.messages.HistoryQuery;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import com.google.common.util.concurrent.MoreExecutors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening and closing of every socket, whichever path it came in on. A chat socket is checked
 * (the chat exists, the user is a member), registered for live frames, and then sent its
 * history; live frames that race with the history wait behind it, so nothing is lost or sent
 * twice. Database work runs off the event loop, one frame after another per socket.
 */
@Singleton
class SocketSessions {
    private static final Logger LOG = LoggerFactory.getLogger(SocketSessions.class);
    private static final String CONNECTION = "parley.connection";
    /** The name Micronaut gives its WebSocket handler in a socket's pipeline. */
    private static final String FRAMEWORK_HANDLER = "websocket-handler";

    private final ChatService chats;
    private final MessageService messages;
    private final AccountService accounts;
    private final ConnectionRegistry registry;
    private final TypingTracker typing;
    private final ClientFrames frames;
    private final EventJson writer;
    private final RealtimeSettings settings;
    private final ParleyLimits limits;
    private final ExecutorService blocking;
    private final Connection.Limits connectionLimits;
    private final EventLoopWriter loopWriter;

    SocketSessions(
            ChatService chats,
            MessageService messages,
            AccountService accounts,
            ConnectionRegistry registry,
            TypingTracker typing,
            ClientFrames frames,
            EventJson writer,
            RealtimeSettings settings,
            ParleyLimits limits,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            EventLoopWriter loopWriter) {
        this.loopWriter = loopWriter;
        this.chats = chats;
        this.messages = messages;
        this.accounts = accounts;
        this.registry = registry;
        this.typing = typing;
        this.frames = frames;
        this.writer = writer;
        this.settings = settings;
        this.limits = limits;
        this.blocking = blocking;
        this.connectionLimits = new Connection.Limits(
                settings.outboundQueueMax(), settings.inboundQueueMax(), settings.closeGrace(), scheduler);
    }

    /** A chat socket; {@code groupOnly} for seed 002's {@code /group/{id}}, which names groups only. */
    void openChat(WebSocketSession session, HttpRequest<?> request, String chatReference, boolean groupOnly) {
        Connection connection = connect(session, request, false);
        connection.handle(() -> guarded(connection, () -> {
            Query query = Query.of(request);
            Account me = accounts.requireCaller(connection.userId());
            connection.bindUser(me.toRef());
            Chat chat = chats.get(chatReference);
            if (groupOnly) {
                chats.requireGroup(chat.id());
            }
            chats.requireMembership(chat, connection.userId());
            long chatId = chat.id();
            connection.bindChat(chatId);
            // Registered before the history is read: a message stored meanwhile is either in the
            // history or delivered live, and the connection drops the live copy of one it already sent.
            registry.add(connection);
            if (!connection.isOpen()) {
                // Closed while it was opening: its close handler ran before it was registered.
                registry.remove(connection);
                return;
            }
            ChatSnapshot snapshot = messages.snapshot(connection.userId(), chatId, query.history(settings, limits));
            List<Message> page = snapshot.page().messages();
            long pagedUpTo = snapshot.lastMessageId();
            if (query.afterId() == null) {
                // The newest messages: has_more means older ones, and nothing is missing up to the live start.
                page = page.reversed();
            } else if (snapshot.page().more()) {
                pagedUpTo = page.getLast().id();
            }
            connection.open(
                    writer.utf8(HistoryEvent.of(
                            chatId, page, query.afterId(), snapshot.page().more())),
                    snapshot.lastMessageId(),
                    pagedUpTo);
        }));
    }

    /**
     * A main socket: notifications from every chat of the user, and with {@code ?presence=true}
     * the presence of everyone who shares a chat with them (seed clients, which do not ask, are
     * sent no frame they do not know).
     */
    void openMain(WebSocketSession session, HttpRequest<?> request) {
        Connection connection = connect(session, request, true);
        boolean watchPresence = request.getParameters()
                .getFirst("presence")
                .map(value -> value.strip().equalsIgnoreCase("true"))
                .orElse(false);
        connection.handle(() -> guarded(connection, () -> {
            Account me = accounts.requireCaller(connection.userId());
            connection.bindUser(me.toRef());
            if (watchPresence) {
                connection.watchPresence();
            }
            registry.add(connection);
            if (!connection.isOpen()) {
                registry.remove(connection);
            }
        }));
    }

    void frame(WebSocketSession session, String text) {
        Connection connection = session.get(CONNECTION, Connection.class).orElse(null);
        if (connection != null) {
            long arrived = System.nanoTime();
            boolean queued = connection.handleFrame(() -> {
                if (connection.isOpen() && connection.user() != null) {
                    frames.handle(connection, text, arrived);
                }
            });
            if (!queued) {
                frames.refuseOverflow(connection, text);
            }
        }
    }

    /**
     * A socket's connection failed. A client that broke the protocol (a frame over the size limit,
     * a bad opcode, text that is not UTF-8) has already been sent Netty's close code, and Netty
     * closes the connection; that costs one line in the log and no stack trace, so that no client
     * can fill the log. A reset connection is not worth a line (as the framework has it); anything
     * else is a fault of ours, logged and closed with 1011 as the framework did.
     */
    void failed(WebSocketSession session, Throwable failure) {
        Connection connection = session.get(CONNECTION, Connection.class).orElse(null);
        long userId = connection == null ? 0 : connection.userId();
        if (failure instanceof CorruptedWebSocketFrameException corrupt) {
            LOG.warn(
                    "Closed a socket of user {} with {}: {}",
                    userId,
                    corrupt.closeStatus().code(),
                    corrupt.getMessage());
        } else if (!(failure instanceof IOException
                && String.valueOf(failure.getMessage()).contains("Connection reset"))) {
            LOG.error("A socket of user {} failed", userId, failure);
            if (connection != null) {
                connection.close(CloseReason.INTERNAL_ERROR.getCode(), "internal error");
            } else if (session.isOpen()) {
                session.close(CloseReason.INTERNAL_ERROR);
            }
            return;
        }
        // The connection is closing already: write nothing more to it.
        if (connection != null) {
            connection.closed();
        }
    }

    void closed(WebSocketSession session) {
        Connection connection = session.get(CONNECTION, Connection.class).orElse(null);
        if (connection != null) {
            connection.closed();
            registry.remove(connection);
            connection.handle(() -> typing.closed(connection.id()));
        }
    }

    private Connection connect(WebSocketSession session, HttpRequest<?> request, boolean main) {
        Authentication caller = request.getUserPrincipal(Authentication.class).orElse(null);
        long userId = Caller.id(caller);
        String sessionId = caller == null ? null : Caller.sessionId(caller);
        var channel = request instanceof NettyHttpRequest<?> netty
                ? netty.getChannelHandlerContext().channel()
                : null;
        Connection connection = new Connection(
                session,
                channel,
                userId,
                main,
                sessionId,
                MoreExecutors.newSequentialExecutor(blocking),
                connectionLimits,
                loopWriter);
        session.put(CONNECTION, connection);
        if (channel != null) {
            limitMessageSize(channel, connection);
        }
        return connection;
    }

    /** Puts {@link MessageSizeLimit} in front of the framework's handler, which joins continuation frames without limit. */
    private void limitMessageSize(Channel channel, Connection connection) {
        if (channel.pipeline().get(FRAMEWORK_HANDLER) == null) {
            LOG.error(
                    "No '{}' in the socket pipeline {}: messages split into frames are not size-limited",
                    FRAMEWORK_HANDLER,
                    channel.pipeline().names());
            return;
        }
        channel.pipeline()
                .addBefore(
                        FRAMEWORK_HANDLER,
                        MessageSizeLimit.NAME,
                        new MessageSizeLimit(SocketEndpoint.MESSAGE_MAX_BYTES, settings.closeGrace(), () -> {
                            connection.closed();
                            LOG.warn(
                                    "Closed a socket of user {} with {}: a message of more than {} bytes",
                                    connection.userId(),
                                    CloseCodes.MESSAGE_TOO_BIG,
                                    SocketEndpoint.MESSAGE_MAX_BYTES);
                        }));
    }

    /** Runs an opening step; a refusal closes the socket with the matching close code and sends nothing else. */
    private void guarded(Connection connection, Runnable opening) {
        try {
            opening.run();
        } catch (ParleyException e) {
            registry.remove(connection);
            connection.close(e.closeCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Could not open a socket for user {}", connection.userId(), e);
            registry.remove(connection);
            connection.close(CloseReason.INTERNAL_ERROR.getCode(), "internal error");
        }
    }

    /** The query of a chat socket: seed 002's {@code limit} and {@code offset}, and {@code after_id} to catch up. */
    private record Query(
            @Nullable Integer limit,
            @Nullable Integer offset,
            @Nullable Long afterId) {

        static Query of(HttpRequest<?> request) {
            return new Query(
                    number(request, "limit", Integer.class),
                    number(request, "offset", Integer.class),
                    number(request, "after_id", Long.class));
        }

        HistoryQuery history(RealtimeSettings settings, ParleyLimits limits) {
            // The configured default never exceeds the page size limit, whatever the two settings say.
            int size = limit == null ? Math.min(settings.historyLimit(), limits.pageSizeMax()) : limit;
            return afterId == null
                    ? HistoryQuery.of(size, offset, null, null, "desc", limits)
                    : HistoryQuery.of(size, 0, null, afterId, "asc", limits);
        }

        private static <T extends Number> T number(HttpRequest<?> request, String name, Class<T> type) {
            String value = request.getParameters().getFirst(name).orElse(null);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return type == Integer.class
                        ? type.cast(Integer.valueOf(value.strip()))
                        : type.cast(Long.valueOf(value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(name, name + " must be a whole number");
            }
        }
    }
}
