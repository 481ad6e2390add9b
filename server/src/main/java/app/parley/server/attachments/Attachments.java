package app.parley.server.attachments;

import app.parley.model.file.Attachment;
import app.parley.server.files.StoredFile;
import java.time.Instant;

/** The one place that turns file metadata into the {@link Attachment} clients see, URLs included. */
public final class Attachments {
    private Attachments() {}

    public static Attachment of(StoredFile file) {
        return of(
                file.id(),
                file.uuid(),
                file.chatId() == null ? 0 : file.chatId(),
                file.originalName(),
                file.sizeBytes(),
                file.contentType(),
                file.width(),
                file.height(),
                file.thumbnailFileId(),
                file.createdAt());
    }

    static Attachment of(
            long id,
            String uuid,
            long chatId,
            String name,
            long size,
            String contentType,
            Integer width,
            Integer height,
            Long thumbnailFileId,
            Instant createdAt) {
        return new Attachment(
                id,
                uuid,
                chatId,
                name,
                size,
                contentType,
                width,
                height,
                url(id),
                thumbnailFileId == null ? null : url(id) + "/thumbnail",
                createdAt);
    }

    public static String url(long fileId) {
        return "/api/v1/files/" + fileId;
    }
}
