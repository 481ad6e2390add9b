package app.parley.desktop.tls;

import app.parley.desktop.session.PrivateFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The certificates this person chose to trust, one per server ({@code host:port} → SHA-256
 * fingerprint), in a file only they can read. A server's certificate is trusted on first use,
 * once the person compared its fingerprint; after that only that certificate is.
 */
public final class KnownCertificates {
    /** The file's shape: server → fingerprint. */
    record Known(Map<String, String> servers) {}

    private final PrivateFile file;
    private final Map<String, String> servers = new TreeMap<>();

    public KnownCertificates(Path path, ObjectMapper json) {
        this.file = new PrivateFile(path, json);
        file.read(Known.class).map(Known::servers).ifPresent(servers::putAll);
    }

    /** The fingerprint trusted for this server, if one is. */
    public synchronized Optional<String> fingerprintOf(String host, int port) {
        return Optional.ofNullable(servers.get(key(host, port)));
    }

    /** Trusts this certificate for this server from now on (replacing any other). */
    public synchronized void trust(String host, int port, String fingerprint) {
        servers.put(key(host, port), fingerprint);
        file.write(new Known(Map.copyOf(servers)));
    }

    private static String key(String host, int port) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
