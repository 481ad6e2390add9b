package app.parley.server.errors;

import io.micronaut.http.HttpStatus;
import java.time.Duration;

/**
 * Too many attempts or requests for now (429): code {@code rate_limited} when the caller passed a
 * limit, {@code slow_down} when the server as a whole is sent more than it can store;
 * {@code Retry-After} says when to try again.
 */
public final class TooManyRequestsException extends ParleyException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        this("rate_limited", message, retryAfter);
    }

    private TooManyRequestsException(String code, String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, message);
        this.retryAfter = retryAfter;
    }

    /** The server is overloaded, not the caller over a limit: nothing was done, try again soon. */
    public static TooManyRequestsException slowDown(String message, Duration retryAfter) {
        return new TooManyRequestsException("slow_down", message, retryAfter);
    }

    /** Whole seconds until a try may succeed, at least one, as {@code Retry-After} gives them. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
