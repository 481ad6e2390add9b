package app.parley.server.errors;

/** The request clashes with the current state (409): a taken username, an existing member. */
public final class ConflictException extends ParleyException {
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
