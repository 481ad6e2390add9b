package app.parley.model.message;

import app.parley.model.account.UserRef;
import app.parley.model.event.ServerEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Seed 002's Message ({@code id, chat_id, type, text, author, time}) plus its UUID and the
 * sender's own {@code client_msg_id}, which makes resends idempotent. It is also the
 * {@code message} frame of the WebSocket API.
 */
public record Message(
        long id,
        String uuid,
        long chatId,
        String type,
        String text,
        UserRef author,
        Instant time,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientMsgId) implements ServerEvent {

    public static final String TYPE_MESSAGE = "message";
}
