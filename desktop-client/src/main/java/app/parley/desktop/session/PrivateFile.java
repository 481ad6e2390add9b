package app.parley.desktop.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file that only its owner can read: what it holds (a token, unsent messages) is that
 * person's. Written whole to a temporary file and moved over the old one, so a crash leaves
 * either the old content or the new.
 */
public final class PrivateFile {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFile.class);

    private final Path file;
    private final ObjectMapper json;

    public PrivateFile(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    /** The content, or empty when there is no file or it cannot be read (a damaged file must not stop the app). */
    public <T> Optional<T> read(Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void write(Object content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = ownerOnlyTempFile();
            json.writeValue(temp.toFile(), content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private Path ownerOnlyTempFile() throws IOException {
        Path dir = file.getParent();
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            try {
                return Files.createFile(temp, ownerOnly);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("another process is writing " + temp, e);
            }
        }
        // Windows: files under %APPDATA% inherit an ACL that admits only the user (and admins).
        return Files.createFile(temp);
    }
}
