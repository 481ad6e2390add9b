package app.parley.model.invite;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** What an invite leads to, for anyone holding its token: shown before joining. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InvitePreview(
        long chatId,
        String chatUuid,
        String chatName,
        String chatDescription,
        int memberCount,
        UserRef inviter,
        Instant expiresAt,
        String state,
        boolean alreadyMember) {}
