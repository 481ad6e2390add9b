package app.parley.server.errors;

/** An upload over a size limit or the uploader's storage quota (413). */
public final class PayloadTooLargeException extends ParleyException {
    public PayloadTooLargeException(String code, String message) {
        super(code, message);
    }
}
