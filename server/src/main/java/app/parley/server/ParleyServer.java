package app.parley.server;

import app.parley.server.config.ConfigFile;
import app.parley.server.config.DataDirectoryInUseException;
import app.parley.server.config.NewerDatabaseException;
import com.google.common.base.Throwables;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import io.micronaut.http.server.netty.NettyHttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A running Parley server. The desktop app embeds one (given a data dir and a port, 0 for any
 * free one); {@link ParleyServerMain} runs one from the command line. Several can run in one JVM,
 * one after the other or side by side: nothing is static.
 */
public final class ParleyServer implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedServer server;

    private ParleyServer(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    /**
     * What to start: where the data lives and which port (0 = any free port); null for either
     * keeps the configured default. Further properties and config files override application.yml.
     */
    public record Settings(
            Path dataDir, Integer port, Map<String, Object> properties, List<PropertySource> configFiles) {
        public Settings {
            properties = Map.copyOf(properties);
            configFiles = List.copyOf(configFiles);
        }

        public static Settings of(Path dataDir, int port) {
            return new Settings(dataDir, port, Map.of(), List.of());
        }

        public Settings withProperty(String key, Object value) {
            Map<String, Object> more = new HashMap<>(properties);
            more.put(key, value);
            return new Settings(dataDir, port, more, configFiles);
        }

        /** Settings read from an owner's file ({@link ConfigFile}); properties given here win over them. */
        public Settings withConfigFile(Path file) {
            List<PropertySource> more = new ArrayList<>(configFiles);
            more.add(ConfigFile.load(file));
            return new Settings(dataDir, port, properties, more);
        }
    }

    public static ParleyServer start(Settings settings) {
        return start(settings, new String[0]);
    }

    /**
     * Starts a server; a data dir held by another server fails with
     * {@link DataDirectoryInUseException} itself, not wrapped in the framework's exceptions, and
     * a database from a newer Parley with {@link NewerDatabaseException}.
     */
    public static ParleyServer start(Settings settings, String[] commandLine) {
        ApplicationContext context;
        try {
            context = configure(settings, commandLine).start();
        } catch (RuntimeException e) {
            throw refusalIn(e);
        }
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new ParleyServer(context, server);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * The application context a server runs in, not started: the command-line admin tool starts
     * the same one without its HTTP server.
     */
    public static ApplicationContextBuilder configure(Settings settings, String[] commandLine) {
        Map<String, Object> properties = new HashMap<>(settings.properties());
        if (settings.dataDir() != null) {
            properties.put(
                    "parley.data-dir", settings.dataDir().toAbsolutePath().toString());
        }
        if (settings.port() != null) {
            // Micronaut's own convention for "any free port" is -1.
            properties.put("micronaut.server.port", settings.port() == 0 ? -1 : settings.port());
        }
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .banner(false)
                .propertySources(settings.configFiles().toArray(PropertySource[]::new))
                .properties(properties)
                .args(commandLine);
    }

    /**
     * The data dir's own refusal (held by another server, or migrated by a newer Parley) if the
     * start failed on one, not wrapped in the framework's exceptions; otherwise the failure itself.
     */
    public static RuntimeException refusalIn(RuntimeException failure) {
        for (Throwable cause : Throwables.getCausalChain(failure)) {
            if (cause instanceof DataDirectoryInUseException || cause instanceof NewerDatabaseException) {
                return (RuntimeException) cause;
            }
        }
        return failure;
    }

    /** The plain HTTP port (with HTTPS on as well, the framework would name the HTTPS one). */
    public int port() {
        OptionalInt tls = tlsPort();
        if (tls.isPresent() && server instanceof NettyHttpServer netty) {
            return netty.getBoundPorts().stream()
                    .filter(port -> port != tls.getAsInt())
                    .findFirst()
                    .orElse(server.getPort());
        }
        return server.getPort();
    }

    /** The HTTPS port, when {@code parley.tls} is on. */
    public OptionalInt tlsPort() {
        return context.getProperty("parley.tls.enabled", Boolean.class).orElse(false)
                ? OptionalInt.of(context.getRequiredProperty("parley.tls.port", Integer.class))
                : OptionalInt.empty();
    }

    /** The base URL on loopback, e.g. {@code http://localhost:8080}. */
    public URI localUri() {
        return URI.create("http://localhost:" + port());
    }

    public Path dataDir() {
        return Path.of(context.getRequiredProperty("parley.data-dir", String.class));
    }

    /** The running application context, for code that embeds the server and needs its services. */
    public ApplicationContext context() {
        return context;
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Shuts down as on SIGTERM: the graceful-shutdown phase first (in-flight requests finish,
     * sockets are closed with 1001), then the server stops and the database closes.
     */
    @Override
    public void close() {
        if (context.isRunning()) {
            context.close();
        }
        if (server.isRunning()) {
            server.stop();
        }
    }
}
