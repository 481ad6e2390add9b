package app.parley.server.errors;

/** The thing named does not exist (404). */
public final class NotFoundException extends ParleyException {
    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
