package app.parley.server.dialects.seed004;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * The address the client used to reach this server (its Host header when that is a plain host
 * and port), so the absolute URLs this dialect hands out (photos, the WebSocket) work from where
 * the client stands. The same rule as the canonical API's links.
 */
final class Seed004Address {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private Seed004Address() {}

    /** {@code http://host:port}, or {@code https://…} behind TLS. */
    static String http(HttpRequest<?> request) {
        return (secure(request) ? "https://" : "http://") + host(request);
    }

    /** {@code ws://host:port}, or {@code wss://…} behind TLS. */
    static String websocket(HttpRequest<?> request) {
        return (secure(request) ? "wss://" : "ws://") + host(request);
    }

    private static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || request.getHeaders().get("X-Forwarded-Proto", String.class)
                .filter("https"::equalsIgnoreCase).isPresent();
    }

    private static String host(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.HOST, String.class)
                .filter(value -> HOST.matcher(value).matches())
                .orElseGet(() -> request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort());
    }
}
