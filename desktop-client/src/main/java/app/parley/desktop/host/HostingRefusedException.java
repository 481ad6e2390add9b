package app.parley.desktop.host;

/** The server could not be hosted here: its data folder is in use by another Parley server. */
public final class HostingRefusedException extends RuntimeException {
    public HostingRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
