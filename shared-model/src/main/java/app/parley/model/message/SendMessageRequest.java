package app.parley.model.message;

import app.parley.model.common.IdValue;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A new message. Seed 001 only says "accepts the message text", so {@code message} and
 * {@code content} (the names seeds 003/004 and 000 use) are accepted for {@code text}.
 * {@code attachments} lists files the sender uploaded into the chat (integer ids or UUIDs);
 * with attachments the text may be empty. {@code reply_to} names a message of the same chat that
 * this one answers (an integer id or a UUID).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SendMessageRequest(
        @JsonAlias({"message", "content"}) String text,
        @JsonAlias({"clientMsgId"}) String clientMsgId,
        @JsonAlias({"files", "file_ids"}) List<IdValue> attachments,
        @JsonAlias({"replyTo"}) IdValue replyTo) {

    public SendMessageRequest {
        if (attachments != null) {
            // A client may send back the attachment objects the upload answered with: their id counts.
            attachments = attachments.stream()
                    .map(attachment -> attachment instanceof IdValue.Invalid(Map<?, ?> object)
                            ? IdValue.from(object.get("id"))
                            : attachment)
                    .toList();
        }
    }

    public SendMessageRequest(String text, String clientMsgId, List<IdValue> attachments) {
        this(text, clientMsgId, attachments, null);
    }

    public SendMessageRequest(String text, String clientMsgId) {
        this(text, clientMsgId, null, null);
    }
}
