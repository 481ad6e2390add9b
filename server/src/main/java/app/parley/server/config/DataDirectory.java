package app.parley.server.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one folder that holds everything a Parley installation owns: the database, the signing
 * secret and stored files. Backing up a server is copying this folder. One server at a time holds
 * it: created at start (before the database opens), it refuses a folder another server holds.
 */
@Context
public class DataDirectory implements AutoCloseable {
    private final Path root;
    /** Null for the command-line admin tool, which works beside a running server (see {@link #exclusive()}). */
    private final DataDirectoryLock lock;

    public DataDirectory(
            @Value("${parley.data-dir}") String root, @Value("${parley.admin-tool:false}") boolean adminTool) {
        this.root = createIfMissing(Path.of(root).toAbsolutePath().normalize());
        this.lock = adminTool ? null : DataDirectoryLock.acquire(this.root);
    }

    @PreDestroy
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * Whether this process holds the folder alone, as a server does. The admin tool's short
     * account changes go through SQLite's own locking beside a running server instead, and must
     * leave alone what belongs to the server (uploads in progress).
     */
    public boolean exclusive() {
        return lock != null;
    }

    public Path root() {
        return root;
    }

    public Path resolveDir(String name) {
        return createIfMissing(root.resolve(name));
    }

    static Path createIfMissing(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }
}
