package app.parley.desktop.net;

/** A call to a Parley server that did not give its answer: refused, or never reached. */
public sealed class ParleyClientException extends RuntimeException permits ApiException, ServerUnreachableException {
    ParleyClientException(String message) {
        super(message);
    }

    ParleyClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
