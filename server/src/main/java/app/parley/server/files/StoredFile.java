package app.parley.server.files;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Metadata of a stored file; its bytes live on disk under the data dir, named by their SHA-256. */
@MappedEntity("files")
public record StoredFile(
        @Id @GeneratedValue @Nullable Long id,
        String uuid,
        String sha256,
        long sizeBytes,
        String contentType,
        String originalName,
        @Nullable Long uploaderId,
        Instant createdAt) {}
