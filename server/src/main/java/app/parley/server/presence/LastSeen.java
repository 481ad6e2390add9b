package app.parley.server.presence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** When a person's last socket closed (or, while they are online, when that was last written). */
@MappedEntity("last_seen")
public record LastSeen(@Id long userId, Instant seenAt) {}
