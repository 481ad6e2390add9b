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
 * Keeps the {@link SavedSession} in one JSON file that only its owner can read (the token in it
 * signs in as that person). Written whole to a temporary file and moved over the old one, so a
 * crash leaves either the old session or the new one.
 */
public final class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

    private final Path file;
    private final ObjectMapper json;

    public SessionStore(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    public Optional<SavedSession> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(file.toFile(), SavedSession.class));
        } catch (IOException e) {
            // A damaged file only costs a sign-in; it must not stop the app from opening.
            LOG.warn("Ignoring the unreadable session file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void save(SavedSession session) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = ownerOnlyTempFile();
            json.writeValue(temp.toFile(), session);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the session in " + file, e);
        }
    }

    /** Forgets the token, keeps the server and the name for the sign-in form. */
    public void signOut() {
        load().ifPresent(session -> save(session.signedOut()));
    }

    private Path ownerOnlyTempFile() throws IOException {
        Path dir = file.getParent();
        String name = file.getFileName() + ".tmp";
        Path temp = dir.resolve(name);
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
