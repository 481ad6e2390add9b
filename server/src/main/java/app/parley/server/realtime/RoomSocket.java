package app.parley.server.realtime;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** Seed 001's {@code ws://host/ws/chat/{chat_id}/}, the URL {@code GET /api/v1/chats/{chat_id}/connect/} hands out. */
@ServerWebSocket("/ws/chat/{chatId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class RoomSocket extends SocketEndpoint {

    RoomSocket(SocketSessions sessions) {
        super(sessions);
    }

    @OnOpen
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void open(String chatId, HttpRequest<?> request, WebSocketSession session) {
        sessions.openChat(session, request, chatId, false);
    }
}
