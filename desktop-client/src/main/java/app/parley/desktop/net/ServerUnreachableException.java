package app.parley.desktop.net;

/**
 * No answer from the server: nothing listens at the address, the network is down, the call
 * timed out, or what answered is not a Parley server.
 */
public final class ServerUnreachableException extends ParleyClientException {
    private final ServerAddress server;

    public ServerUnreachableException(ServerAddress server, String message, Throwable cause) {
        super(message, cause);
        this.server = server;
    }

    public ServerAddress server() {
        return server;
    }
}
