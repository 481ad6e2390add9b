package app.parley.server.errors;

import io.micronaut.http.HttpStatus;

/** Bad credentials, or a token whose account no longer exists (401). */
public final class UnauthorizedException extends ParleyException {
    public UnauthorizedException(String code, String message) {
        super(HttpStatus.UNAUTHORIZED, code, message);
    }
}
