package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One of a person's open sessions (a sign-in on some device): when it began and was last used,
 * the client's name (its User-Agent) and address, and whether it is the one asking.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionInfo(
        String id, Instant createdAt, Instant lastUsedAt, String client, String address, boolean current) {}
