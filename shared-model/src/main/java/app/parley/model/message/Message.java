package app.parley.model.message;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Seed 002's Message ({@code id, chat_id, type, text, author, time}) plus its UUID and the
 * sender's own {@code client_msg_id}, which makes resends idempotent.
 */
public record Message(
        long id,
        String uuid,
        long chatId,
        String type,
        String text,
        UserRef author,
        Instant time,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientMsgId) {

    public static final String TYPE_MESSAGE = "message";
}
