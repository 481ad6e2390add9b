package app.parley.server.errors;

/** The request is malformed or breaks a limit (400). {@code field} names the input at fault. */
public final class InvalidInputException extends ParleyException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super("invalid_input", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
