package app.parley.server.errors;

import io.micronaut.http.HttpStatus;

/** The thing named does not exist (404). */
public final class NotFoundException extends ParleyException {
    public NotFoundException(String code, String message) {
        super(HttpStatus.NOT_FOUND, code, message);
    }
}
