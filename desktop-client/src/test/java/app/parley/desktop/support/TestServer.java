package app.parley.desktop.support;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ServerAddress;
import app.parley.model.ParleyJson;
import app.parley.server.ParleyServer;
import app.parley.server.accounts.AccountAdministration;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real Parley server on a free port with its data in a temporary folder, for the app to join. */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private final Map<String, Object> properties;
    private ParleyServer server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(Path dataDir, Map<String, Object> properties, ParleyServer server) {
        this.dataDir = dataDir;
        this.properties = Map.copyOf(properties);
        this.server = server;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** A server with some settings of its own, e.g. {@code parley.files.max-file-size}. */
    public static TestServer start(Path dataDir, Map<String, Object> properties) {
        return new TestServer(dataDir, properties, ParleyServer.start(settings(dataDir, 0, properties)));
    }

    /** A server that serves HTTPS too, on a free port, with a self-signed certificate of its own. */
    public static TestServer withHttps(Path dataDir) {
        int httpsPort;
        try (var free = new java.net.ServerSocket(0)) {
            httpsPort = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return start(dataDir, Map.of("parley.tls.enabled", true, "parley.tls.port", httpsPort));
    }

    private static ParleyServer.Settings settings(Path dataDir, int port, Map<String, Object> properties) {
        return new ParleyServer.Settings(dataDir, port, properties, List.of());
    }

    /** Stops the server, and starts it again on the same port and data, as after a crash or an upgrade. */
    public void restart() {
        int port = server.port();
        server.close();
        server = ParleyServer.start(settings(dataDir, port, properties));
    }

    /** Restarts it with more settings, on the same port and data, as after its admin changed them. */
    public void restartWith(Map<String, Object> more) {
        int port = server.port();
        server.close();
        var changed = new java.util.HashMap<>(properties);
        changed.putAll(more);
        server = ParleyServer.start(settings(dataDir, port, changed));
    }

    public void stop() {
        server.close();
    }

    public void startAgain(int port) {
        server = ParleyServer.start(settings(dataDir, port, properties));
    }

    public int port() {
        return server.port();
    }

    public ServerAddress address() {
        return ServerAddress.of(server.localUri());
    }

    /** A client as another person's app would use it. */
    public ApiClient client() {
        return ApiClient.of(http, ParleyJson.mapper(), address());
    }

    /** Registers someone and returns their signed-in client. */
    public ApiClient register(String username, String name) {
        var auth = client().register(username, "correct horse battery", name);
        return client().signedIn(auth.accessToken());
    }

    /**
     * Someone whose account the administrator made ({@code parley-server user add}), as on a server
     * that takes no registrations; returns their signed-in client.
     */
    public ApiClient adminCreates(String username, String name) {
        server.context().getBean(AccountAdministration.class).add(username, name, "correct horse battery");
        return client().signedIn(
                        client().login(username, "correct horse battery").accessToken());
    }

    /** The address of the server's HTTPS port (when started with {@code parley.tls.enabled}). */
    public ServerAddress httpsAddress() {
        return ServerAddress.of(
                java.net.URI.create("https://localhost:" + server.tlsPort().orElseThrow()));
    }

    /** The SHA-256 fingerprint of the certificate the server serves HTTPS with. */
    public String tlsFingerprint() {
        return server.context().getBean(app.parley.server.tls.TlsMaterial.class).fingerprint();
    }

    @Override
    public void close() {
        server.close();
    }
}
