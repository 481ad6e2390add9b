package app.parley.desktop.connect;

import app.parley.desktop.net.ApiClient;

/** A server that answered, not signed in yet; {@code hostedPort} is 0 unless this app hosts it. */
public record Connected(ApiClient api, boolean hosted, int hostedPort) {}
