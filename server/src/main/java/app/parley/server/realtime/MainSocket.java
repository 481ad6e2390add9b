package app.parley.server.realtime;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/**
 * Seed 002's {@code ws://host/api/v1/main}: {@code last_message} for every new message in any of
 * the user's chats, and the other notifications a chat list needs. Frames sent on it name their
 * {@code chat_id}, except {@code presence} (about people, sent only with {@code ?presence=true}).
 */
@ServerWebSocket("/api/v1/main")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MainSocket extends SocketEndpoint {

    MainSocket(SocketSessions sessions) {
        super(sessions);
    }

    @OnOpen
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void open(HttpRequest<?> request, WebSocketSession session) {
        sessions.openMain(session, request);
    }
}
