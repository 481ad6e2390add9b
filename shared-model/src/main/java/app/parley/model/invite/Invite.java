package app.parley.model.invite;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * An invite as its creator and the group's owner see it. {@code link} opens the desktop app;
 * {@code web_link} is a page a browser can show.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Invite(
        long id,
        String uuid,
        String token,
        long chatId,
        String chatName,
        UserRef inviter,
        Instant createdAt,
        Instant expiresAt,
        Integer maxUses,
        int uses,
        boolean revoked,
        String state,
        String link,
        String webLink) {

    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";
    public static final String USED_UP = "used_up";
}
