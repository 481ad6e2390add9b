package app.parley.server.errors;

import io.micronaut.http.HttpStatus;
import java.time.Duration;

/**
 * Too many attempts or requests for now (429, code {@code rate_limited}); {@code Retry-After}
 * says when to try again.
 */
public final class TooManyRequestsException extends ParleyException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a try may succeed, at least one, as {@code Retry-After} gives them. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
