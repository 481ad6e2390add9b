package app.parley.model.event;

import app.parley.model.presence.PresenceStatus;
import app.parley.model.presence.UserPresence;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * {@code presence}: someone who shares a chat with the socket's user came online, went away or
 * went offline ({@code last_seen} then says when). Sent only to main sockets that asked for it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PresenceEvent(
        String type,
        long userId,
        PresenceStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastSeen) implements ServerEvent {

    public static PresenceEvent of(UserPresence presence) {
        return new PresenceEvent(EventTypes.PRESENCE, presence.userId(), presence.status(), presence.lastSeen());
    }

    public UserPresence presence() {
        return UserPresence.of(userId, status, lastSeen);
    }
}
