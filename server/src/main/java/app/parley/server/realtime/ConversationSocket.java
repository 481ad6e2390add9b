package app.parley.server.realtime;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/**
 * Seed 004's conversation socket. The document says the WebSocket is established "by calling"
 * {@code /api/conversations/{id}/connect} and gives no frames: the handshake (a GET with
 * Upgrade) is served at that path, with the frames of seed 002 (history first, then live).
 */
@ServerWebSocket("/api/conversations/{conversationId}/connect")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ConversationSocket extends SocketEndpoint {

    ConversationSocket(SocketSessions sessions) {
        super(sessions);
    }

    @OnOpen
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void open(String conversationId, HttpRequest<?> request, WebSocketSession session) {
        sessions.openChat(session, request, conversationId, false);
    }
}
