package app.parley.server.errors;

/**
 * A refusal the caller can act on. Services throw these; the API layer turns each kind into
 * a status and the dialect's error shape in one place ({@link ApiErrorHandler}).
 */
public abstract sealed class ParleyException extends RuntimeException
        permits InvalidInputException,
                NotFoundException,
                ForbiddenException,
                ConflictException,
                UnauthorizedException,
                PayloadTooLargeException,
                GoneException {

    private final String code;

    protected ParleyException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable, machine-readable reason, e.g. {@code not_a_member}. */
    public String code() {
        return code;
    }
}
