package app.parley.server.errors;

/** Bad credentials, or a token whose account no longer exists (401). */
public final class UnauthorizedException extends ParleyException {
    public UnauthorizedException(String code, String message) {
        super(code, message);
    }
}
