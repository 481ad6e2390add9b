package app.parley.server.files;

import app.parley.server.errors.NotFoundException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** Stores uploaded files (content on disk, metadata in the database) and finds them again. */
@Singleton
public class FileService {
    private static final int MAX_NAME = 255;
    private final ContentStore content;
    private final StoredFileRepository files;
    private final Clock clock;

    public FileService(ContentStore content, StoredFileRepository files, Clock clock) {
        this.content = content;
        this.files = files;
        this.clock = clock;
    }

    /** Stores a picture (profile or group photo); anything that is not an image is refused. */
    public StoredFile storeImage(long uploaderId, Upload upload, String field) {
        ContentStore.Stored stored = content.write(upload.content(), file -> ImagePolicy.requireImageContentType(file, field));
        return files.save(new StoredFile(null, UUID.randomUUID().toString(), stored.sha256(), stored.size(), stored.contentType(),
                safeName(upload.filename()), uploaderId, clock.instant()));
    }

    public StoredFile get(long fileId) {
        return files.findById(fileId).orElseThrow(() -> new NotFoundException("file_not_found", "file " + fileId + " does not exist"));
    }

    public Path pathOf(StoredFile file) {
        return content.pathOf(file.sha256());
    }

    /** Only the last path segment, without control characters, at most 255 characters. */
    static String safeName(String name) {
        if (name == null) {
            return "file";
        }
        String lastSegment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = lastSegment.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "file";
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
    }
}
