package app.parley.server.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of the content store on disk ({@code files/ab/abcdef…}, see files.ContentStore),
 * as the maintenance commands read it without the server.
 */
final class ContentFiles {
    static final String FOLDER = "files";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ContentFiles() {}

    static boolean isContentName(String sha256) {
        return SHA256.matcher(sha256).matches();
    }

    /** Where the bytes of this hash live, relative to the data dir, with '/' separators. */
    static String relativePath(String sha256) {
        return FOLDER + "/" + sha256.substring(0, 2) + "/" + sha256;
    }

    static Path pathOf(Path dataDir, String sha256) {
        return dataDir.resolve(relativePath(sha256));
    }

    /**
     * Every stored file by its name (the hash, for content the server stored), with its path
     * relative to the data dir; files/incoming, uploads in progress, is not the store.
     */
    static SortedMap<String, String> onDisk(Path dataDir) {
        Path root = dataDir.resolve(FOLDER);
        SortedMap<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return hashes;
        }
        try (Stream<Path> shards = Files.list(root)) {
            for (Path shard : shards.filter(Files::isDirectory).toList()) {
                if (shard.getFileName().toString().equals("incoming")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(shard)) {
                    files.filter(Files::isRegularFile)
                            .forEach(file -> hashes.put(
                                    file.getFileName().toString(),
                                    dataDir.relativize(file).toString().replace('\\', '/')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return hashes;
    }
}
