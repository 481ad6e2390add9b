package app.parley.server.realtime;

import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;

/** What every Parley socket path does with frames, failures and closes; each path opens its own way. */
abstract class SocketEndpoint {
    /**
     * The largest message a client may send, in bytes of UTF-8 (a message of the longest text is
     * far smaller). Netty refuses a larger frame; {@link MessageSizeLimit} a larger message sent
     * in several frames. Either closes the socket with 1009.
     */
    static final int MESSAGE_MAX_BYTES = 65_536;

    protected final SocketSessions sessions;

    SocketEndpoint(SocketSessions sessions) {
        this.sessions = sessions;
    }

    @OnMessage(maxPayloadLength = MESSAGE_MAX_BYTES)
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void frame(String frame, WebSocketSession session) {
        sessions.frame(session, frame);
    }

    @OnError
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void failed(WebSocketSession session, Throwable failure) {
        sessions.failed(session, failure);
    }

    @OnClose
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void close(WebSocketSession session) {
        sessions.closed(session);
    }
}
