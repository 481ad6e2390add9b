package app.parley.server.cli;

import app.parley.server.ParleyServer;
import app.parley.server.config.ConfigFile;
import app.parley.server.config.SchemaVersions;
import app.parley.server.config.Storage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Which Parley installation a command works on: the options every command shares, and the one
 * way to find the data dir from them, as the server itself finds it (flag, then environment,
 * then config file, then {@code ~/.parley}).
 */
public final class Installation {
    static final String DATABASE_FILE = "parley.db";

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "the data directory (default: $PARLEY_DATA_DIR, the config file's parley.data-dir, ~/.parley)")
    Path dataDir;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "a config file, YAML or .properties (may be given more than once)")
    List<Path> configFiles = new ArrayList<>();

    ParleyServer.Settings settings(Integer port, Map<String, Object> properties) {
        return new ParleyServer.Settings(dataDir, port, properties, configSources());
    }

    /**
     * The --config files, else the one {@code PARLEY_CONFIG} names: the launcher of the server
     * distribution sets it to its conf/parley.yml, so that every command reads the same settings.
     */
    private List<PropertySource> configSources() {
        List<Path> files = configFiles;
        String fromEnvironment = System.getenv("PARLEY_CONFIG");
        if (files.isEmpty() && fromEnvironment != null && !fromEnvironment.isBlank()) {
            files = List.of(Path.of(fromEnvironment));
        }
        return files.stream().map(Installation::load).toList();
    }

    /** The data dir the server would use with these options. */
    Path resolveDataDir() {
        return setting(environment -> Path.of(environment.getRequiredProperty("parley.data-dir", String.class))
                .toAbsolutePath()
                .normalize());
    }

    /** Where the server with these options stores its chats. */
    Storage storage() {
        return setting(environment -> Storage.of(environment.getRequiredProperty(Storage.PROPERTY, String.class)));
    }

    /** A setting as the server would read it with these options, from a context that is never started. */
    private <T> T setting(Function<Environment, T> read) {
        try (ApplicationContext unstarted =
                ParleyServer.configure(settings(null, Map.of()), new String[0]).build()) {
            return read.apply(unstarted.getEnvironment().start());
        }
    }

    /**
     * The data dir of an existing installation, refused when it is missing or was migrated by a
     * newer Parley: admin commands never create an installation by accident.
     */
    Path requireExistingDataDir() {
        if (storage() != Storage.SQLITE) {
            throw new CommandFailure(
                    ExitCodes.BAD_ARGUMENTS,
                    "the admin commands work on the SQLite storage only so far; this installation stores in "
                            + "PostgreSQL (parley.storage): manage accounts through the API, back up with pg_dump");
        }
        Path root = resolveDataDir();
        if (!Files.isRegularFile(root.resolve(DATABASE_FILE))) {
            throw new CommandFailure(
                    ExitCodes.NO_DATA_DIR,
                    "no Parley data directory at " + root + " (no " + DATABASE_FILE
                            + " there): pass --data-dir, or start the server once");
        }
        SchemaVersions.requireNotNewer(root.resolve(DATABASE_FILE));
        return root;
    }

    /**
     * The server's own services, without its HTTP server and beside a server that may be running
     * on the same data dir (SQLite's locking keeps the writes apart).
     */
    ApplicationContext openServices() {
        Path root = requireExistingDataDir();
        try {
            return ParleyServer.configure(
                            new ParleyServer.Settings(root, null, Map.of("parley.admin-tool", true), configSources()),
                            new String[0])
                    .start();
        } catch (RuntimeException e) {
            throw ParleyServer.refusalIn(e);
        }
    }

    private static PropertySource load(Path file) {
        try {
            return ConfigFile.load(file);
        } catch (UncheckedIOException e) {
            throw new CommandFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage() + ": " + e.getCause());
        }
    }
}
