package app.parley.server.files;

import app.parley.server.common.TextLimits;
import app.parley.server.common.TransactionHooks;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.errors.PayloadTooLargeException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Profile and group photos, and the stored files every other feature refers to. Photos are
 * scaled to a bounded size and re-encoded before they are kept; the bytes are written before
 * any transaction begins, so no upload holds the database.
 */
@Singleton
public class FileService {
    private static final int MAX_NAME = 255;
    private final ContentStore content;
    private final StoredFileRepository files;
    private final ImageTool images;
    private final FileSettings settings;
    private final TransactionHooks hooks;
    private final Clock clock;

    public FileService(
            ContentStore content,
            StoredFileRepository files,
            ImageTool images,
            FileSettings settings,
            TransactionHooks hooks,
            Clock clock) {
        this.hooks = hooks;
        this.content = content;
        this.files = files;
        this.images = images;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks that an upload is a picture and stores a copy that fits the photo size. Call it
     * before the transaction that saves the profile or group, then pass the result to {@link #savePhoto}.
     */
    public PreparedFile preparePhoto(Upload upload, String field) {
        try (StagedContent staged = content.stage(
                upload.content(),
                settings.maxPhotoSize(),
                max -> new PayloadTooLargeException(
                        "photo_too_large", field + " must be at most " + Sizes.human(max)))) {
            ImageTool.ImageInfo image = images.inspect(staged.path()).orElseThrow(() -> notAnImage(field));
            if (!images.decodable(image)) {
                throw new InvalidInputException(
                        field, field + " has too many pixels (" + image.width() + "x" + image.height() + ")");
            }
            ImageTool.Scaled scaled;
            try {
                scaled = images.scaleToFit(staged.path(), image, settings.photoMaxDimension());
            } catch (IOException | RuntimeException e) {
                throw notAnImage(field);
            }
            String sha256 = content.store(scaled.bytes());
            return new PreparedFile(
                    sha256,
                    scaled.bytes().length,
                    scaled.contentType(),
                    safeName(upload.filename()),
                    scaled.width(),
                    scaled.height());
        }
    }

    /** The row of a prepared photo; runs inside the caller's transaction. */
    public StoredFile savePhoto(long uploaderId, PreparedFile photo) {
        return files.save(new StoredFile(
                null,
                UUID.randomUUID().toString(),
                photo.sha256(),
                photo.size(),
                photo.contentType(),
                photo.name(),
                uploaderId,
                clock.instant(),
                StoredFile.PHOTO,
                null,
                photo.width(),
                photo.height(),
                null));
    }

    /** Forgets a photo that was replaced or whose group is gone; inside the write transaction that drops it. */
    public void deletePhoto(long fileId) {
        files.findById(fileId).ifPresent(photo -> {
            files.delete(photo);
            dropUnreferencedAfterCommit(Set.of(photo.sha256()));
        });
    }

    /**
     * Forgets the files of a chat that is being deleted (its uploads, their thumbnails and its
     * photo); inside the write transaction that deletes the chat.
     */
    public void deleteChatFiles(long chatId, @Nullable Long photoFileId) {
        Set<String> content = new HashSet<>(files.findContentOfChat(chatId));
        files.deleteByChatId(chatId);
        if (photoFileId != null) {
            files.findById(photoFileId).ifPresent(photo -> {
                content.add(photo.sha256());
                files.delete(photo);
            });
        }
        dropUnreferencedAfterCommit(content);
    }

    /**
     * Places staged bytes at their address inside the caller's write transaction. Should the
     * transaction roll back, bytes that no row referred to before are removed again: nothing
     * else would ever delete them.
     */
    public String keepInTransaction(StagedContent staged) {
        staged.keep();
        dropOnRollback(staged.sha256());
        return staged.sha256();
    }

    /** The same for bytes made on the server (thumbnails). */
    public String storeInTransaction(byte[] bytes) {
        String sha256 = content.store(bytes);
        dropOnRollback(sha256);
        return sha256;
    }

    /**
     * Writers take turns (see SqliteDriver), so no other row can come to need these bytes between
     * this check and the rollback.
     */
    private void dropOnRollback(String sha256) {
        if (!files.existsBySha256(sha256)) {
            hooks.afterRollback(() -> content.delete(sha256));
        }
    }

    /**
     * Deletes the bytes no row refers to once the transaction has committed (and never if it
     * rolls back). Writers take turns until their commit callbacks are done (see SqliteDriver),
     * so no upload of the same bytes can slip in between the check and the delete.
     */
    private void dropUnreferencedAfterCommit(Set<String> candidates) {
        List<String> orphans = candidates.stream()
                .filter(sha256 -> !files.existsBySha256(sha256))
                .toList();
        if (orphans.isEmpty()) {
            return;
        }
        hooks.afterCommit(() -> orphans.forEach(content::delete));
    }

    public StoredFile get(long fileId) {
        return files.findById(fileId).orElseThrow(() -> notFound(String.valueOf(fileId)));
    }

    public Path pathOf(StoredFile file) {
        return content.pathOf(file.sha256());
    }

    public static NotFoundException notFound(String reference) {
        return new NotFoundException("file_not_found", "file " + reference + " does not exist");
    }

    private static InvalidInputException notAnImage(String field) {
        return new InvalidInputException(field, field + " must be an image (PNG, JPEG, GIF or BMP)");
    }

    /** Only the last path segment, without the characters names may not hold (TextLimits), at most 255 characters. */
    public static String safeName(String name) {
        if (name == null) {
            return "file";
        }
        String lastSegment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = TextLimits.withoutHidden(lastSegment).strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "file";
        }
        // Cut by characters, not UTF-16 units: a cut inside a surrogate pair would store '?'.
        return cleaned.codePointCount(0, cleaned.length()) > MAX_NAME
                ? cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME))
                : cleaned;
    }
}
