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
    private final DataDirectoryLock lock;

    public DataDirectory(@Value("${parley.data-dir}") String root) {
        this.root = createIfMissing(Path.of(root).toAbsolutePath().normalize());
        this.lock = DataDirectoryLock.acquire(this.root);
    }

    @PreDestroy
    @Override
    public void close() {
        lock.close();
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
