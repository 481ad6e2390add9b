package app.parley.server.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploaded bytes in a temporary file, hashed and counted, waiting to be kept or dropped. Closing
 * without {@link #keep()} deletes them, so every way out of an upload leaves nothing behind.
 */
public final class StagedContent implements AutoCloseable {
    private final ContentStore store;
    private final Path temp;
    private final String sha256;
    private final long size;
    private boolean kept;

    StagedContent(ContentStore store, Path temp, String sha256, long size) {
        this.store = store;
        this.temp = temp;
        this.sha256 = sha256;
        this.size = size;
    }

    /** The bytes, readable until kept or closed. */
    public Path path() {
        return temp;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /** Moves the bytes to their content address (or drops them if the same bytes are already there). */
    public void keep() {
        store.moveIntoPlace(temp, sha256);
        kept = true;
    }

    @Override
    public void close() {
        if (!kept) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete an unfinished upload " + temp.getFileName(), e);
            }
        }
    }
}
