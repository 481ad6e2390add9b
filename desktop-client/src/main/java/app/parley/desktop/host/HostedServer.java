package app.parley.desktop.host;

import app.parley.desktop.net.ServerAddress;
import app.parley.server.ParleyServer;
import app.parley.server.accounts.AccountRepository;
import app.parley.server.discovery.AnnouncedAddress;
import app.parley.server.realtime.ConnectionRegistry;
import app.parley.server.tls.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Parley server this app runs in its own JVM ("Host a chat on this computer"): the real
 * server module, its data in the app's folder. Others on the network join it over HTTPS at
 * {@code https://<this computer>:<https port>}, trusting its self-signed certificate on first use;
 * plain HTTP answers this computer only (this app's own connection).
 */
public final class HostedServer implements AutoCloseable {
    static final String SETTINGS_FILE = "parley.yml";

    private final ParleyServer server;

    private HostedServer(ParleyServer server) {
        this.server = server;
    }

    /**
     * Starts the server on the port (0 = any free one). A data dir held by another Parley server
     * fails with the server's {@code DataDirectoryInUseException}; a port in use with the
     * framework's bind failure.
     */
    public static HostedServer start(Path dataDir, int port, int httpsPort) {
        return new HostedServer(ParleyServer.start(ownSettings(dataDir, ParleyServer.Settings.of(dataDir, port))
                // Announced on the LAN, so that the people around find it in "Join a server".
                .withProperty("parley.discovery.enabled", true)
                .withProperty("parley.tls.enabled", true)
                .withProperty("parley.tls.port", httpsPort)
                .withProperty("parley.tls.plain-http", "local-only")
                // The host makes invites through 127.0.0.1; their web links must name the LAN
                // address of the moment (the server fills {lan} in as each link is made).
                .withProperty("parley.invites.link-address", "https://{lan}:" + httpsPort)));
    }

    /** The host's own settings file in the server's folder, when there is one. */
    public static Path settingsFile(Path dataDir) {
        return dataDir.resolve(SETTINGS_FILE);
    }

    /**
     * The host's own settings, for what the app has no screen for (the AI agent's endpoint and
     * model, limits): {@code parley.yml} in the server's folder, read at each start. What the
     * app sets itself (discovery, HTTPS) wins over it.
     */
    private static ParleyServer.Settings ownSettings(Path dataDir, ParleyServer.Settings settings) {
        Path file = settingsFile(dataDir);
        return Files.isRegularFile(file) ? settings.withConfigFile(file) : settings;
    }

    private static String joinAddress(int httpsPort) {
        // The server's own reading of the LAN address, the one it puts in invite links.
        return "https://" + AnnouncedAddress.lanHost() + ":" + httpsPort;
    }

    /** The plain HTTP port, which answers this computer only. */
    public int port() {
        return server.port();
    }

    public int httpsPort() {
        return server.tlsPort().orElseThrow();
    }

    /** What the host tells others: where to join, and the certificate's fingerprint to compare. */
    public HostedAccess access() {
        return new HostedAccess(
                joinAddress(httpsPort()),
                server.context().getBean(TlsMaterial.class).fingerprint(),
                server.dataDir());
    }

    /** The address this app itself uses (loopback). */
    public ServerAddress localAddress() {
        return ServerAddress.of(server.localUri());
    }

    public Path dataDir() {
        return server.dataDir();
    }

    /** People other than the host who have the chat open right now. */
    public Set<Long> connectedUsersOtherThan(long hostUserId) {
        return server.context().getBean(ConnectionRegistry.class).connectedUsers().stream()
                .filter(id -> id != hostUserId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether anybody has an account yet: the first person to come is the host, who signs up. */
    public boolean hasAccounts() {
        return server.context().getBean(AccountRepository.class).count() > 0;
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops as on SIGTERM: requests in flight finish, sockets are closed, the database closes. */
    @Override
    public void close() {
        server.close();
    }
}
