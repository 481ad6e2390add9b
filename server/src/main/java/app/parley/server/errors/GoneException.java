package app.parley.server.errors;

import io.micronaut.http.HttpStatus;

/** Something that existed and is no longer usable, such as an expired or revoked invite (410). */
public final class GoneException extends ParleyException {
    public GoneException(String code, String message) {
        super(HttpStatus.GONE, code, message);
    }
}
