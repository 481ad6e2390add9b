package app.parley.server.realtime;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/** Seed 002's {@code ws://host/api/v1/group/{id}?limit=&offset=}: like a chat socket, for groups only. */
@ServerWebSocket("/api/v1/group/{groupId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class GroupSocket extends SocketEndpoint {

    GroupSocket(SocketSessions sessions) {
        super(sessions);
    }

    @OnOpen
    @ExecuteOn(SocketCallbacks.EXECUTOR)
    void open(String groupId, HttpRequest<?> request, WebSocketSession session) {
        sessions.openChat(session, request, groupId, true);
    }
}
