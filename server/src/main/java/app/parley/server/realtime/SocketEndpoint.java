package app.parley.server.realtime;

import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;

/** What every Parley socket path does with frames and closes; each path opens its own way. */
abstract class SocketEndpoint {
    protected final SocketSessions sessions;

    SocketEndpoint(SocketSessions sessions) {
        this.sessions = sessions;
    }

    @OnMessage
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void frame(String frame, WebSocketSession session) {
        sessions.frame(session, frame);
    }

    @OnClose
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void close(WebSocketSession session) {
        sessions.closed(session);
    }
}
