package app.parley.model.invite;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A new invite. All fields are optional: no expiry means it never expires, no {@code max_uses}
 * means anyone with the link may join. {@code expires_in_seconds} and {@code expires_at} are
 * two ways to say the same thing; give at most one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InviteRequest(Long expiresInSeconds, Instant expiresAt, Integer maxUses) {}
