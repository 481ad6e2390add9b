package app.parley.desktop.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Parley server answers, as a person types it: {@code 192.168.1.20:8080},
 * {@code chat.local}, {@code http://chat.local:9090/} or an invite link
 * {@code http://chat.local:9090/invite/abc} (whose server part counts). Without a port the
 * server's default, 8080, is meant.
 */
public record ServerAddress(URI base) {
    public static final int DEFAULT_PORT = 8080;

    public ServerAddress {
        if (base.getPath() != null && !base.getPath().isEmpty()) {
            throw new IllegalArgumentException("a server address has no path: " + base);
        }
    }

    /** Reads what a person typed; empty when it cannot name a server. */
    public static Optional<ServerAddress> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                return Optional.empty();
            }
            int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : DEFAULT_PORT) : uri.getPort();
            return Optional.of(new ServerAddress(new URI(scheme, null, host, port, null, null, null)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static ServerAddress of(URI base) {
        return parse(base.toString()).orElseThrow(() -> new IllegalArgumentException("not a server address: " + base));
    }

    /** The same host and port over HTTPS. */
    public ServerAddress overHttps() {
        return overHttps(base.getPort());
    }

    /** The same host over HTTPS on another port. */
    public ServerAddress overHttps(int port) {
        return parse("https://" + base.getHost() + ":" + port).orElseThrow();
    }

    /** An absolute URI for a path of the API, e.g. {@code /api/v1/chats}. */
    public URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** The same place for the WebSocket API: {@code ws://} or {@code wss://}. */
    public URI socket(String pathAndQuery) {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + base.toString().substring(base.getScheme().length()) + pathAndQuery);
    }

    /** {@code host:port}, as shown to people. */
    public String display() {
        return base.getHost() + ":" + base.getPort();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
