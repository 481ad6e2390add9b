package app.parley.desktop.connect;

import app.parley.desktop.net.ApiClient;

/**
 * A server that answered, not signed in yet; {@code hostedPort} is 0 unless this app hosts it, and
 * {@code awaitingFirstAccount} says that this app hosts it and nobody has an account yet.
 */
public record Connected(ApiClient api, boolean hosted, int hostedPort, boolean awaitingFirstAccount) {
    public Connected(ApiClient api, boolean hosted, int hostedPort) {
        this(api, hosted, hostedPort, false);
    }
}
