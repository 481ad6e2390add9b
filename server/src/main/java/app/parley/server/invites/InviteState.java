package app.parley.server.invites;

import app.parley.model.invite.Invite;

/** An invite's state as clients see it. */
public enum InviteState {
    ACTIVE(Invite.ACTIVE),
    EXPIRED(Invite.EXPIRED),
    REVOKED(Invite.REVOKED),
    USED_UP(Invite.USED_UP);

    private final String wireName;

    InviteState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
