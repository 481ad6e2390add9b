package app.parley.server.errors;

import app.parley.model.event.CloseCodes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * A refusal the caller can act on. Services throw these; each kind carries its HTTP status, so
 * that every way out (an HTTP response in any dialect, a socket's close code or error frame)
 * reads the same answer from the refusal itself.
 */
public abstract sealed class ParleyException extends RuntimeException
        permits InvalidInputException,
                NotFoundException,
                ForbiddenException,
                ConflictException,
                UnauthorizedException,
                PayloadTooLargeException,
                TooManyRequestsException,
                GoneException {

    private final HttpStatus status;
    private final String code;

    protected ParleyException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The status of the HTTP response that carries the refusal (a dialect may show another). */
    public HttpStatus status() {
        return status;
    }

    /** Stable, machine-readable reason, e.g. {@code not_a_member}. */
    public String code() {
        return code;
    }

    /** The input at fault, when one field is; null otherwise. */
    public @Nullable String field() {
        return null;
    }

    /**
     * The code a socket that is refused while it opens closes with. The 4xxx codes mirror the
     * status; a refusal without a code of its own closes as a bad request.
     */
    public int closeCode() {
        return switch (status) {
            case UNAUTHORIZED -> CloseCodes.UNAUTHORIZED;
            case FORBIDDEN -> CloseCodes.FORBIDDEN;
            case NOT_FOUND -> CloseCodes.NOT_FOUND;
            default -> CloseCodes.BAD_REQUEST;
        };
    }
}
