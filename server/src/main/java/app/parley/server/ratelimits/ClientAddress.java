package app.parley.server.ratelimits;

import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where a request came from, as the connection shows it (a forwarded-for header is not trusted:
 * anyone can write one). Limits by address count per IP address.
 */
public record ClientAddress(String ip, boolean loopback) {

    /** For calls that come from no client (the command-line tool, the server itself). */
    public static final ClientAddress LOCAL = new ClientAddress("127.0.0.1", true);

    public static ClientAddress of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return new ClientAddress(remote == null ? "unknown" : remote.getHostString(), false);
        }
        return new ClientAddress(address.getHostAddress(), address.isLoopbackAddress());
    }
}
