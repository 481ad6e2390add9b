package app.parley.server.errors;

/** Something that existed and is no longer usable, such as an expired or revoked invite (410). */
public final class GoneException extends ParleyException {
    public GoneException(String code, String message) {
        super(code, message);
    }
}
