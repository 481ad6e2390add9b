package app.parley.server.maintenance;

import app.parley.server.config.DataDirectoryLock;
import app.parley.server.config.SchemaVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code parley-server restore FILE}: unpacks a backup into a data dir that no server holds (the
 * caller holds its lock). The archive is unpacked beside the data and checked whole first (known
 * entries only, content matching its hash, a sound database Parley can read); only then does it
 * replace what was there, so a bad archive changes nothing.
 */
public final class Restorer {
    private Restorer() {}

    /** @param missingContent content the restored database refers to that the archive did not hold */
    public record Restored(int contentFiles, List<String> missingContent) {}

    public static Restored restore(Path archive, Path dataDir, boolean replace) {
        if (!Files.isRegularFile(archive)) {
            throw new MaintenanceRefusal(MaintenanceRefusal.Reason.BAD_ARCHIVE, "no backup file at " + archive);
        }
        List<Path> present = contents(dataDir);
        if (!present.isEmpty() && !replace) {
            throw new MaintenanceRefusal(
                    MaintenanceRefusal.Reason.NOT_EMPTY,
                    dataDir + " holds data already: restore into an empty directory, or pass --force to replace it");
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(dataDir, ".restore-");
            int contentFiles = unpack(archive, staging);
            Path database = staging.resolve(BackupWriter.DATABASE_ENTRY);
            List<String> missing = verify(staging, database);
            for (Path old : present) {
                deleteRecursively(old);
            }
            try (Stream<Path> restored = Files.list(staging)) {
                for (Path entry : restored.toList()) {
                    Files.move(entry, dataDir.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return new Restored(contentFiles, missing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore into " + dataDir + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** What the data dir holds besides its lock file (and unfinished restores, which are nobody's). */
    private static List<Path> contents(Path dataDir) {
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.filter(entry -> {
                        String name = entry.getFileName().toString();
                        return !name.equals(DataDirectoryLock.FILE_NAME) && !name.startsWith(".restore-");
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir, e);
        }
    }

    private static int unpack(Path archive, Path staging) throws IOException {
        int contentFiles = 0;
        boolean manifest = false;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.equals(BackupManifest.ENTRY)) {
                        int format = BackupManifest.readFrom(in).format();
                        if (format != BackupManifest.FORMAT) {
                            throw badArchive("its format " + format + " is not one this Parley reads");
                        }
                        manifest = true;
                    } else if (name.equals(BackupWriter.DATABASE_ENTRY) || name.equals(BackupWriter.SECRET_ENTRY)) {
                        Path target = staging.resolve(name);
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    } else if (isContentEntry(name)) {
                        unpackContent(in, staging.resolve(name), name);
                        contentFiles++;
                    } else {
                        throw badArchive("it holds '" + name + "', which no Parley backup holds");
                    }
                }
            }
        } catch (ZipException e) {
            throw badArchive("it is not a zip archive, or a damaged one (" + e.getMessage() + ")");
        }
        if (!manifest) {
            throw badArchive("it has no " + BackupManifest.ENTRY);
        }
        if (!Files.isRegularFile(staging.resolve(BackupWriter.DATABASE_ENTRY))) {
            throw badArchive("it has no " + BackupWriter.DATABASE_ENTRY);
        }
        Path secret = staging.resolve(BackupWriter.SECRET_ENTRY);
        if (Files.exists(secret)
                && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        return contentFiles;
    }

    /** {@code files/ab/ab…} with 64 hex digits: nothing else, so no entry can name a path outside the data dir. */
    private static boolean isContentEntry(String name) {
        String[] parts = name.split("/", -1);
        return parts.length == 3
                && parts[0].equals(ContentFiles.FOLDER)
                && ContentFiles.isContentName(parts[2])
                && parts[1].equals(parts[2].substring(0, 2));
    }

    private static void unpackContent(InputStream in, Path target, String name) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        Files.createDirectories(target.getParent());
        try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
            Files.copy(digesting, target);
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(target.getFileName().toString())) {
            throw badArchive("the bytes of " + name + " do not match their hash (a damaged archive)");
        }
    }

    /** The unpacked database must be sound and readable by this Parley; content it lacks is reported, not fatal. */
    private static List<String> verify(Path staging, Path database) {
        try (Connection connection = Sqlite.open(database)) {
            List<String> problems = Sqlite.integrityProblems(connection);
            if (!problems.isEmpty()) {
                throw badArchive("its database fails the integrity check: " + problems.getFirst());
            }
            Set<String> referenced = Sqlite.referencedContent(connection);
            List<String> missing = new ArrayList<>();
            for (String sha256 : referenced) {
                if (!Files.isRegularFile(ContentFiles.pathOf(staging, sha256))) {
                    missing.add(ContentFiles.relativePath(sha256));
                }
            }
            SchemaVersions.requireNotNewer(database);
            return List.copyOf(missing);
        } catch (SQLException e) {
            throw badArchive("its database cannot be read: " + e.getMessage());
        }
    }

    private static MaintenanceRefusal badArchive(String why) {
        return new MaintenanceRefusal(MaintenanceRefusal.Reason.BAD_ARCHIVE, "not a usable Parley backup: " + why);
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
