package app.parley.server.reactions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One member's emoji on one message. */
@MappedEntity("message_reactions")
public record StoredReaction(
        @Id @GeneratedValue @Nullable Long id, long messageId, long userId, String emoji, Instant createdAt) {}
