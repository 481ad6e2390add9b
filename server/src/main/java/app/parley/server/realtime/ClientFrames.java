package app.parley.server.realtime;

import app.parley.model.event.ClientFrame;
import app.parley.model.event.ErrorEvent;
import app.parley.model.event.EventTypes;
import app.parley.model.event.HistoryEvent;
import app.parley.model.message.Message;
import app.parley.model.message.SendMessageRequest;
import app.parley.model.presence.PresenceStatus;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.ChatService;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.JsonReadFailures;
import app.parley.server.errors.ParleyException;
import app.parley.server.events.EventJson;
import app.parley.server.messages.HistoryPage;
import app.parley.server.messages.HistoryQuery;
import app.parley.server.messages.MessageService;
import app.parley.server.messages.SentMessage;
import app.parley.server.presence.PresenceTracker;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client may send on a socket: a message, typing and stop_typing (seed 002), mark_read,
 * catch_up and presence (Parley's). The rules are the services' own, exactly as over HTTP; a refused frame
 * gets an {@code error} frame and the socket stays open.
 */
@Singleton
class ClientFrames {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFrames.class);
    private static final String NOT_A_FRAME = "a frame must be a JSON object with a type";

    private final MessageService messages;
    private final ChatService chats;
    private final AccountService accounts;
    private final TypingTracker typing;
    private final PresenceTracker presence;
    private final EventJson writer;
    private final JsonMapper json;
    private final RealtimeSettings settings;
    private final ParleyLimits limits;

    ClientFrames(
            MessageService messages,
            ChatService chats,
            AccountService accounts,
            TypingTracker typing,
            PresenceTracker presence,
            EventJson writer,
            JsonMapper json,
            RealtimeSettings settings,
            ParleyLimits limits) {
        this.messages = messages;
        this.chats = chats;
        this.accounts = accounts;
        this.typing = typing;
        this.presence = presence;
        this.writer = writer;
        this.json = json;
        this.settings = settings;
        this.limits = limits;
    }

    /** Handles a frame that reached the socket at {@code arrivedNanos} ({@link System#nanoTime()}). */
    void handle(Connection connection, String text, long arrivedNanos) {
        ClientFrame frame;
        try {
            frame = json.readValue(text, ClientFrame.class);
        } catch (IOException | RuntimeException e) {
            // Well-formed JSON with a value of the wrong type or range: name the field, as HTTP errors do.
            JsonReadFailures.Failure failure = JsonReadFailures.describe(e);
            reply(
                    connection,
                    failure != null && failure.field() != null
                            ? ErrorEvent.of("invalid_input", failure.message(), failure.field(), clientMsgIdOf(text))
                            : ErrorEvent.of("invalid_json", NOT_A_FRAME, null, null));
            return;
        }
        if (frame == null || frame.type() == null) {
            reply(connection, ErrorEvent.of("invalid_input", "a frame must have a type", "type", null));
            return;
        }
        try {
            switch (frame.type()) {
                case EventTypes.MESSAGE -> send(connection, frame, arrivedNanos);
                case EventTypes.TYPING -> typing.typing(connection.id(), chatOf(connection, frame), connection.user());
                case EventTypes.STOP_TYPING -> typing.stopped(chatOf(connection, frame), connection.user());
                case EventTypes.MARK_READ ->
                    messages.markRead(connection.userId(), chatOf(connection, frame), frame.upToMessageId());
                case EventTypes.CATCH_UP -> catchUp(connection, frame);
                case EventTypes.PRESENCE -> reportPresence(connection, frame);
                default ->
                    reply(
                            connection,
                            ErrorEvent.of(
                                    "unknown_type",
                                    "unknown frame type '" + frame.type()
                                            + "'; expected message, typing, stop_typing, mark_read, catch_up"
                                            + " or presence",
                                    "type",
                                    null));
            }
        } catch (ParleyException e) {
            reply(connection, ErrorEvent.of(e.code(), e.getMessage(), e.field(), frame.clientMsgId()));
        } catch (RuntimeException e) {
            LOG.error("A {} frame of user {} failed", frame.type(), connection.userId(), e);
            reply(
                    connection,
                    ErrorEvent.of(
                            "internal_error", "the server could not handle this frame", null, frame.clientMsgId()));
        }
    }

    /** Answers a frame that arrived while too many of the client's frames were still waiting. */
    void refuseOverflow(Connection connection, String text) {
        reply(
                connection,
                ErrorEvent.of(
                        "slow_down",
                        "too many frames are waiting on this socket; "
                                + "this one was not handled, send it again later",
                        null,
                        clientMsgIdOf(text)));
    }

    /** The {@code client_msg_id} of a frame that is refused before it is read, if it has a readable one. */
    private String clientMsgIdOf(String text) {
        try {
            return json.readValue(text, Map.class).get("client_msg_id") instanceof String id ? id : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void send(Connection connection, ClientFrame frame, long arrivedNanos) {
        // Seed 002's message frame names its author; it must be the signed-in user.
        if (frame.author() != null) {
            accounts.requireAuthorIsSelf(connection.userId(), frame.author().id(), "author.id");
        }
        long chatId = chatOf(connection, frame);
        // A socket's frames are handled one after another: under overload a frame waits in the
        // socket's queue first, and that wait counts.
        SentMessage sent = messages.send(
                connection.userId(),
                chatId,
                new SendMessageRequest(frame.text(), frame.clientMsgId(), frame.attachments(), frame.replyTo()),
                arrivedNanos);
        if (sent.created()) {
            typing.stopped(chatId, connection.user());
        } else {
            // A resend: only the sender hears of it again, as the acknowledgement it is waiting for.
            reply(connection, sent.message());
        }
    }

    /** The app says whether its person is there or idle; only a main socket speaks for an app. */
    private void reportPresence(Connection connection, ClientFrame frame) {
        if (!connection.isMain()) {
            throw new InvalidInputException("type", "presence is reported on the main socket (/api/v1/main)");
        }
        PresenceStatus status = PresenceStatus.reported(frame.status());
        if (status == null) {
            throw new InvalidInputException("status", "status must be 'online' or 'away'");
        }
        presence.reported(connection.id(), status == PresenceStatus.AWAY);
    }

    /**
     * The next page of what the client missed, up to where the socket's live frames began. The
     * server knows where the socket's last page ended, so the frame needs no id. An {@code after_id}
     * up to the live start is the page's lower bound (the client read some messages elsewhere,
     * or asks for a page again); a later one is one of the socket's live messages, which says
     * nothing about the gap before them, so the page goes on from where the last one ended.
     */
    private void catchUp(Connection connection, ClientFrame frame) {
        if (connection.isMain()) {
            throw new InvalidInputException(
                    "type",
                    "catch_up is for chat sockets; a main socket reads "
                            + "GET /api/v1/chats/{chat_id}/messages?after={id} instead");
        }
        long chatId = chatOf(connection, frame);
        Long asked = frame.afterId();
        if (asked != null && asked < 0) {
            throw new InvalidInputException("after_id", "after_id must be the id of a message the client has");
        }
        long ceiling = connection.historyCeiling();
        long afterId = asked != null && asked <= ceiling ? asked : connection.pagedUpTo();
        List<Message> missed = List.of();
        boolean more = false;
        if (afterId < ceiling) {
            HistoryQuery query = HistoryQuery.of(settings.historyLimit(), 0, ceiling + 1, afterId, "asc", limits);
            HistoryPage page = messages.historyPage(connection.userId(), chatId, query);
            missed = page.messages();
            more = page.more();
        }
        connection.pagedUpTo(more ? missed.getLast().id() : ceiling);
        reply(connection, HistoryEvent.of(chatId, missed, afterId, more));
    }

    /** The chat a frame is about: the socket's own chat, or on a main socket the {@code chat_id} it names (members only). */
    private long chatOf(Connection connection, ClientFrame frame) {
        if (!connection.isMain()) {
            if (frame.chatId() != null && !names(frame.chatId(), connection.chatId())) {
                throw new InvalidInputException("chat_id", "this socket is for chat " + connection.chatId());
            }
            return connection.chatId();
        }
        if (frame.chatId() == null) {
            throw new InvalidInputException("chat_id", "a frame on the main socket must name its chat_id");
        }
        return chats.requireMember(String.valueOf(frame.chatId()), connection.userId())
                .id();
    }

    private boolean names(Object reference, long chatId) {
        return reference instanceof Number number && number.longValue() == chatId
                || chats.get(String.valueOf(reference)).id() == chatId;
    }

    private void reply(Connection connection, app.parley.model.event.ServerEvent event) {
        connection.send(writer.utf8(event));
    }
}
