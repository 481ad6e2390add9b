package app.parley.desktop.net;

import app.parley.model.event.ServerEvent;

/**
 * What a {@link RealtimeSocket} reports, on its own threads (view-models move to the FX thread).
 * After {@link #disconnected()} the socket reconnects by itself and reports {@link #connected()}
 * again; {@link #ended(int)} is final.
 */
public interface RealtimeListener {
    /** The socket is open (the first time, or again after a drop). */
    default void connected() {}

    /** One frame from the server, read into the shared model's event records. */
    void frame(ServerEvent frame);

    /** The connection dropped; a reconnect with backoff is under way. */
    default void disconnected() {}

    /**
     * The socket is closed for good: {@code code} is the server's close code (4403 removed from
     * the chat, 4404 no such chat, 4410 chat deleted, 4401 account gone), {@link #SESSION_ENDED}
     * when the server refused the token, or 1000 when the app closed it.
     */
    default void ended(int code) {}

    /** The handshake was refused with 401: the token is no longer good. */
    int SESSION_ENDED = 4401;
}
