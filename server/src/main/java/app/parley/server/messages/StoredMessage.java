package app.parley.server.messages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A message as stored; {@link MessageRow} is the same with its author's names joined in. */
@MappedEntity("messages")
public record StoredMessage(
        @Id @GeneratedValue @Nullable Long id,
        String uuid,
        long chatId,
        long authorId,
        String text,
        @Nullable String clientMsgId,
        Instant createdAt,
        @Nullable Instant editedAt,
        @Nullable Long replyToId) {

    /** A message as sent: not edited, perhaps answering another. */
    public StoredMessage(
            @Nullable Long id,
            String uuid,
            long chatId,
            long authorId,
            String text,
            @Nullable String clientMsgId,
            Instant createdAt,
            @Nullable Long replyToId) {
        this(id, uuid, chatId, authorId, text, clientMsgId, createdAt, null, replyToId);
    }
}
