package app.parley.server.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * How one API dialect (a seed document served at its own paths) writes an error. Every refusal,
 * Parley's own and the framework's (bad JSON, unknown route, missing token), is written by the
 * dialect that owns the request's path; the canonical {@code /api/v1} shape is the default.
 */
public interface ErrorDialect {

    /** Whether a request to this path belongs to the dialect. */
    boolean owns(String path);

    /** The response's status for a refusal; most dialects keep Parley's. */
    default HttpStatus status(HttpStatus status, String code) {
        return status;
    }

    /** The JSON body for a refusal. */
    Object body(HttpStatus status, String code, String message, @Nullable String field);
}
