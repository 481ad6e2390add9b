package app.parley.server.errors;

import io.micronaut.http.HttpStatus;

/** The request clashes with the current state (409): a taken username, an existing member. */
public final class ConflictException extends ParleyException {
    public ConflictException(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
