package app.parley.server.attachments;

import app.parley.model.file.Attachment;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** An attachment of a message, as loaded for history pages and events. */
@Introspected
public record AttachmentRow(
        long messageId,
        long id,
        String uuid,
        long chatId,
        String originalName,
        long sizeBytes,
        String contentType,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long thumbnailFileId,
        Instant createdAt) {

    public Attachment toAttachment() {
        return Attachments.of(
                id, uuid, chatId, originalName, sizeBytes, contentType, width, height, thumbnailFileId, createdAt);
    }
}
