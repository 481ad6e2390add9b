package app.parley.model.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One person's presence as others may see it. {@code last_seen} is when their last socket
 * closed: present for someone offline who has been seen, absent otherwise.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserPresence(
        long userId,
        PresenceStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastSeen) {

    public static UserPresence of(long userId, PresenceStatus status, Instant lastSeen) {
        return new UserPresence(userId, status, status == PresenceStatus.OFFLINE ? lastSeen : null);
    }
}
