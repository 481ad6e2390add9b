package app.parley.model.invite;

/** The answer to accepting an invite; {@code joined} is false when the caller was already a member. */
public record InviteAccepted(
        String status, long chatId, String chatUuid, String chatName, String roomName, boolean joined) {}
