package app.parley.server.files;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Metadata of a stored file; its bytes live on disk under the data dir, named by their SHA-256.
 * An attachment and its thumbnail belong to a chat; a photo belongs to a profile or group.
 */
@MappedEntity("files")
public record StoredFile(
        @Id @GeneratedValue @Nullable Long id,
        String uuid,
        String sha256,
        long sizeBytes,
        String contentType,
        String originalName,
        @Nullable Long uploaderId,
        Instant createdAt,
        String kind,
        @Nullable Long chatId,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long thumbnailFileId) {

    public static final String ATTACHMENT = "attachment";
    public static final String THUMBNAIL = "thumbnail";
    public static final String PHOTO = "photo";

    public boolean isAttachment() {
        return ATTACHMENT.equals(kind);
    }
}
