package app.parley.server.realtime;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** Seed 002's {@code ws://host/api/v1/chat/{id}?limit=&offset=}: one chat, history first, then live. */
@ServerWebSocket("/api/v1/chat/{chatId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ChatSocket extends SocketEndpoint {

    ChatSocket(SocketSessions sessions) {
        super(sessions);
    }

    @OnOpen
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void open(String chatId, HttpRequest<?> request, WebSocketSession session) {
        sessions.openChat(session, request, chatId, false);
    }
}
