package app.parley.server.common;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * The address a client used to reach this server (its Host header, when it is a plain host and
 * port), so links Parley hands out work from where the client stands, proxies included.
 */
public final class PublicAddress {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private PublicAddress() {}

    /** {@code http://host:port} or {@code https://…} behind TLS. */
    public static String http(HttpRequest<?> request) {
        return (secure(request) ? "https://" : "http://") + host(request);
    }

    /** {@code ws://host:port} or {@code wss://…} behind TLS. */
    public static String websocket(HttpRequest<?> request) {
        return (secure(request) ? "wss://" : "ws://") + host(request);
    }

    private static boolean secure(HttpRequest<?> request) {
        return request.isSecure()
                || request.getHeaders()
                        .get("X-Forwarded-Proto", String.class)
                        .filter("https"::equalsIgnoreCase)
                        .isPresent();
    }

    private static String host(HttpRequest<?> request) {
        return request.getHeaders()
                .get(HttpHeaders.HOST, String.class)
                .filter(value -> HOST.matcher(value).matches())
                .orElseGet(() -> request.getServerAddress().getHostString() + ":"
                        + request.getServerAddress().getPort());
    }
}
