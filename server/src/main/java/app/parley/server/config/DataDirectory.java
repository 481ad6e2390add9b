package app.parley.server.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one folder that holds everything a Parley installation owns: the database, the signing
 * secret and stored files. Backing up a server is copying this folder.
 */
@Singleton
public class DataDirectory {
    private final Path root;

    public DataDirectory(@Value("${parley.data-dir}") String root) {
        this.root = createIfMissing(Path.of(root).toAbsolutePath().normalize());
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
