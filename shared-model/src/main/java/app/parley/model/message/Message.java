package app.parley.model.message;

import app.parley.model.account.UserRef;
import app.parley.model.event.ServerEvent;
import app.parley.model.file.Attachment;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Seed 002's Message ({@code id, chat_id, type, text, author, time}) plus its UUID and the
 * sender's own {@code client_msg_id}, which makes resends idempotent. It is also the
 * {@code message} frame of the WebSocket API. {@code attachments} (files uploaded into the chat)
 * appears only when there are some, so a plain message keeps seed 002's exact shape.
 *
 * <p>{@code authorUuid} is never written: seed 002's author is {@code {id, name, username}}. The
 * server fills it so that dialects which name users by UUID need not look the author up again;
 * a message read from JSON has none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Message(
        long id,
        String uuid,
        long chatId,
        String type,
        String text,
        UserRef author,
        Instant time,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientMsgId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments,
        @JsonIgnore String authorUuid)
        implements ServerEvent {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message whose author's UUID is not known (as a client reads one). */
    public Message(
            long id,
            String uuid,
            long chatId,
            String type,
            String text,
            UserRef author,
            Instant time,
            String clientMsgId,
            List<Attachment> attachments) {
        this(id, uuid, chatId, type, text, author, time, clientMsgId, attachments, null);
    }

    /** A message without attachments. */
    public Message(
            long id,
            String uuid,
            long chatId,
            String type,
            String text,
            UserRef author,
            Instant time,
            String clientMsgId) {
        this(id, uuid, chatId, type, text, author, time, clientMsgId, List.of());
    }

    public static final String TYPE_MESSAGE = "message";
}
