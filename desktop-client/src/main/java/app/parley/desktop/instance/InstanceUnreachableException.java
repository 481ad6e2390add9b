package app.parley.desktop.instance;

/** Another instance holds the lock, yet did not take the arguments in time. */
public final class InstanceUnreachableException extends RuntimeException {
    InstanceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
