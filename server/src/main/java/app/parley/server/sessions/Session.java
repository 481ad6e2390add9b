package app.parley.server.sessions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One sign-in: the tokens issued for it count until it ends (sign-out, ended by its person, a password change). */
@MappedEntity("sessions")
public record Session(
        @Id String id,
        long userId,
        Instant createdAt,
        Instant lastUsedAt,
        String client,
        String address,
        @Nullable Instant endedAt) {

    public boolean open() {
        return endedAt == null;
    }
}
