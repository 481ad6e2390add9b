package app.parley.desktop.net;

import app.parley.model.common.ErrorBody;

/**
 * The server answered, and refused: its error body's {@code code} is stable and says what
 * happened ({@code invalid_credentials}, {@code username_taken}, {@code invalid_token} …),
 * {@code message} is written for people, {@code field} names the input at fault.
 */
public final class ApiException extends ParleyClientException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiException of(int status, ErrorBody body) {
        return new ApiException(status, body.code(), body.message(), body.field());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The input at fault, or null. */
    public String field() {
        return field;
    }

    /** The token is no longer good: expired, forged, from another server, or its account is gone. */
    public boolean sessionEnded() {
        return status == 401 && ("invalid_token".equals(code) || "account_gone".equals(code));
    }
}
