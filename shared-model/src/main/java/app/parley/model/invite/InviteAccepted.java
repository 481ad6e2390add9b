package app.parley.model.invite;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The answer to accepting an invite; {@code joined} is false when the caller was already a member. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InviteAccepted(
        String status, long chatId, String chatUuid, String chatName, String roomName, boolean joined) {}
