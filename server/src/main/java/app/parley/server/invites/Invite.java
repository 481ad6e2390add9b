package app.parley.server.invites;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An invite to a group: whoever holds the token may join until it expires, is used up or is revoked. */
@MappedEntity("invites")
public record Invite(
        @Id @GeneratedValue @Nullable Long id,
        String uuid,
        String token,
        long chatId,
        long inviterId,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Integer maxUses,
        int uses,
        @Nullable Instant revokedAt) {

    /** Whether it still admits anyone, and if not, why. */
    public InviteState stateAt(Instant now) {
        if (revokedAt != null) {
            return InviteState.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return InviteState.EXPIRED;
        }
        if (maxUses != null && uses >= maxUses) {
            return InviteState.USED_UP;
        }
        return InviteState.ACTIVE;
    }
}
