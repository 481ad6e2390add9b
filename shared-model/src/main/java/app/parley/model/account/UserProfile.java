package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** Seed 002's User ({@code id, name, username, description}) plus the UUID and photo. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserProfile(
        long id,
        String uuid,
        String username,
        String name,
        String description,
        String photoUrl,
        boolean bot,
        Instant createdAt) {}
