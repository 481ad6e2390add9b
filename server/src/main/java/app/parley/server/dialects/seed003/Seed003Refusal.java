package app.parley.server.dialects.seed003;

import app.parley.server.errors.ParleyException;
import io.micronaut.http.HttpStatus;

/**
 * A service's refusal restated with the status and text that seed 003 gives for it (e.g.
 * {@code 400 "Chat already exists or invalid user"}). The decision stays the service's; only
 * the words and the code change.
 */
final class Seed003Refusal extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    Seed003Refusal(HttpStatus status, String text, ParleyException cause) {
        super(text, cause, false, false);
        this.status = status;
        this.code = cause.code();
    }

    /** A refusal with no service exception behind it (the "already exists" of a chat). */
    Seed003Refusal(HttpStatus status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
