package app.parley.server.errors;

import io.micronaut.http.HttpStatus;

/** An upload over a size limit or the uploader's storage quota (413). */
public final class PayloadTooLargeException extends ParleyException {
    public PayloadTooLargeException(String code, String message) {
        super(HttpStatus.REQUEST_ENTITY_TOO_LARGE, code, message);
    }
}
