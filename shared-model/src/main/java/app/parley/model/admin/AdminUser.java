package app.parley.model.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** An account as administrators see it: who, and whether it administers, is disabled or is a bot. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdminUser(
        long id,
        String uuid,
        String username,
        String name,
        boolean bot,
        boolean admin,
        boolean disabled,
        Instant createdAt) {}
