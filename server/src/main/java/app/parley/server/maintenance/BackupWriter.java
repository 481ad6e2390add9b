package app.parley.server.maintenance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code parley-server backup FILE}: one zip archive with a consistent copy of the database, the
 * token-signing secret and the stored content that copy refers to. It may run while the server
 * runs and writes: {@code VACUUM INTO} copies the database as of one read transaction, and the
 * content files never change once stored (the database row comes after the bytes).
 */
public final class BackupWriter {
    static final String DATABASE_ENTRY = "parley.db";
    static final String SECRET_ENTRY = "secrets/jwt-signing.key";

    private final Clock clock;

    public BackupWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param missingContent content the copied database refers to but the store lacked (deleted
     *                       by the server right after the copy, or lost before: {@code check} says which)
     */
    public record Written(Path archive, int contentFiles, List<String> missingContent) {}

    public Written write(Path dataDir, Path database, Path target) {
        Path archive = target.toAbsolutePath().normalize();
        if (Files.exists(archive)) {
            throw new MaintenanceRefusal(
                    MaintenanceRefusal.Reason.NOT_EMPTY, archive + " exists already: name a new file, or remove it");
        }
        Path work = null;
        try {
            Path folder = Files.createDirectories(archive.getParent());
            work = Files.createTempDirectory(folder, ".parley-backup-");
            Path snapshot = work.resolve(DATABASE_ENTRY);
            Set<String> referenced = snapshot(database, snapshot);
            Path partial = work.resolve("archive.zip");
            List<String> missing = new ArrayList<>();
            int stored = 0;
            try (OutputStream file = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                new BackupManifest(BackupManifest.FORMAT, clock.instant(), referenced.size()).writeTo(zip);
                copyInto(zip, DATABASE_ENTRY, snapshot);
                Path secret = dataDir.resolve(SECRET_ENTRY);
                if (Files.isRegularFile(secret)) {
                    copyInto(zip, SECRET_ENTRY, secret);
                }
                for (String sha256 : referenced) {
                    Path content = ContentFiles.pathOf(dataDir, sha256);
                    if (Files.isRegularFile(content)) {
                        copyInto(zip, ContentFiles.relativePath(sha256), content);
                        stored++;
                    } else {
                        missing.add(ContentFiles.relativePath(sha256));
                    }
                }
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            return new Written(archive, stored, List.copyOf(missing));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + archive + ": " + e.getMessage(), e);
        } finally {
            Restorer.deleteRecursively(work);
        }
    }

    /** Copies the live database into {@code snapshot} and returns the content the copy refers to. */
    private static Set<String> snapshot(Path database, Path snapshot) {
        try (Connection connection = Sqlite.open(database);
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + snapshot.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the database " + database + ": " + e.getMessage(), e);
        }
        try (Connection copy = Sqlite.open(snapshot)) {
            return Sqlite.referencedContent(copy);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database copy: " + e.getMessage(), e);
        }
    }

    private static void copyInto(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }
}
