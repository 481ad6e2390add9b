package app.parley.server.errors;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Why a request that sent a token goes on as anonymous. The one place that authenticates
 * records it on the request; when the route then needs a signed-in caller, the {@code 401} says
 * which it was, in the dialect of the request's path. No token at all is plain
 * {@code unauthorized} (nothing recorded).
 */
public enum TokenRefusal {
    /** Not a token of this server, or not now: malformed, forged, expired, not valid yet. */
    INVALID_TOKEN("invalid_token", "the token is not valid (malformed, forged or expired): sign in again"),
    /** A genuine token whose account no longer exists (deleted, or a restore gave its id to someone else). */
    ACCOUNT_GONE("account_gone", "the account of this token no longer exists"),
    /** A genuine token of an account the administrator disabled (parley-server user disable). */
    ACCOUNT_DISABLED("account_disabled", "the account of this token is disabled: ask the server's administrator"),
    /** A genuine token of a session that has ended: signed out, ended from another device, or a password change. */
    SESSION_ENDED("session_ended", "this session has ended (signed out, or the password changed): sign in again");

    private static final String ATTRIBUTE = "parley.token-refusal";

    private final String code;
    private final String message;

    TokenRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public void recordOn(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<TokenRefusal> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, TokenRefusal.class);
    }

    public UnauthorizedException exception() {
        return new UnauthorizedException(code, message);
    }
}
