package app.parley.server.files;

import app.parley.server.config.DataDirectory;
import com.google.common.hash.Hashing;
import com.google.common.hash.HashingOutputStream;
import com.google.common.io.ByteStreams;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongFunction;

/**
 * Bytes on disk under the data dir, addressed by their SHA-256: the same bytes are stored once.
 * Uploads stream to a temporary file (memory stays flat whatever the size) and move into place
 * only once complete and accepted. Created at start, so that leftovers of an interrupted upload
 * are gone before the server answers its first request.
 */
@Context
public class ContentStore {
    private final Path root;
    private final Path incoming;

    public ContentStore(DataDirectory dataDirectory) {
        this.root = dataDirectory.resolveDir("files");
        this.incoming = dataDirectory.resolveDir("files/incoming");
        if (!dataDirectory.exclusive()) {
            return; // the admin tool beside a running server: what is here may be uploading now
        }
        // Whatever is here was cut off by a stop or crash mid-upload: no row refers to it.
        try (var leftovers = Files.list(incoming)) {
            leftovers.forEach(ContentStore::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + incoming, e);
        }
    }

    /**
     * Streams {@code content} to a temporary file, refusing it with {@code tooLarge} as soon as it
     * passes {@code maxBytes}; the partial file is deleted then, as on any other failure.
     */
    @SuppressWarnings("deprecation") // Guava's sha256() is deprecated only as a hint against using it for passwords
    public StagedContent stage(InputStream content, long maxBytes, LongFunction<RuntimeException> tooLarge) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "upload", ".part");
            HashingOutputStream hashing;
            long size;
            try (OutputStream file = Files.newOutputStream(temp)) {
                hashing = new HashingOutputStream(Hashing.sha256(), file);
                // One byte past the limit is enough to know it was passed.
                size = ByteStreams.copy(ByteStreams.limit(content, maxBytes + 1), hashing);
            }
            if (size > maxBytes) {
                throw tooLarge.apply(maxBytes);
            }
            return new StagedContent(this, temp, hashing.hash().toString(), size);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("the upload was interrupted", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Stores bytes made on the server (thumbnails, resized photos) and returns their address. */
    public String store(byte[] bytes) {
        try (StagedContent staged =
                stage(new java.io.ByteArrayInputStream(bytes), bytes.length, max -> new IllegalStateException())) {
            staged.keep();
            return staged.sha256();
        }
    }

    /** Removes stored bytes; only for content no row refers to any more. */
    void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete stored content", e);
        }
    }

    public Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    void moveIntoPlace(Path temp, String sha256) {
        Path target = pathOf(sha256);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
                return;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // The same bytes arrived twice at once; one copy is enough.
            deleteQuietly(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an upload", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // Left in files/incoming, named *.part: nothing refers to it.
            }
        }
    }
}
