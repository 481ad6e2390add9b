package app.parley.server.files;

import app.parley.server.config.DataDirectory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Bytes on disk, addressed by their SHA-256: the same bytes are stored once. Writes stream to a
 * temporary file and move into place, so a failed upload leaves nothing behind.
 */
@Singleton
public class ContentStore {
    private final Path root;

    public ContentStore(DataDirectory dataDirectory) {
        this.root = dataDirectory.resolveDir("files");
    }

    public record Stored(String sha256, long size, String contentType) {}

    /**
     * Streams {@code content} to disk. {@code inspect} looks at the complete bytes before they
     * are kept and returns their content type; if it throws, nothing is kept.
     */
    public Stored write(InputStream content, Function<Path, String> inspect) {
        Path temp = null;
        try {
            temp = Files.createTempFile(root, "upload", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = content.transferTo(out);
            }
            String contentType = inspect.apply(temp);
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha256);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(sha256, size, contentType);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not store upload", e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(temp);
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    public Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // Nothing more to do: the temp file is in the data dir and named *.part.
            }
        }
    }
}
