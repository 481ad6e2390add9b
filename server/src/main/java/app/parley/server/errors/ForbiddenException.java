package app.parley.server.errors;

import io.micronaut.http.HttpStatus;

/** The caller is known but may not do this (403): not a member, not the owner, not the author. */
public final class ForbiddenException extends ParleyException {
    public ForbiddenException(String code, String message) {
        super(HttpStatus.FORBIDDEN, code, message);
    }
}
