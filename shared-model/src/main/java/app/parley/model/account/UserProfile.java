package app.parley.model.account;

import java.time.Instant;

/** Seed 002's User ({@code id, name, username, description}) plus the UUID and photo. */
public record UserProfile(
        long id,
        String uuid,
        String username,
        String name,
        String description,
        String photoUrl,
        boolean bot,
        Instant createdAt) {}
