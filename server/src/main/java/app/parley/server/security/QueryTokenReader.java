package app.parley.server.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the token from an {@code access_token} query parameter, for WebSocket clients that
 * cannot set headers (browsers among them). Only on WebSocket handshakes: ordinary requests keep
 * tokens out of URLs, where proxies and histories would record them.
 */
@Singleton
class QueryTokenReader implements TokenReader<HttpRequest<?>> {
    static final String PARAMETER = "access_token";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        boolean handshake = request.getHeaders()
                .get(HttpHeaders.UPGRADE, String.class)
                .filter("websocket"::equalsIgnoreCase)
                .isPresent();
        if (!handshake) {
            return Optional.empty();
        }
        return request.getParameters().getFirst(PARAMETER).filter(token -> !token.isBlank());
    }

    @Override
    public int getOrder() {
        // After the Authorization header: a header, when sent, wins.
        return LOWEST_PRECEDENCE;
    }
}
