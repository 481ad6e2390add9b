package app.parley.server.invites;

/** What holding an invite's token shows: the invite, the group's size, and whether the caller is already in. */
public record InvitePreviewDetails(InviteDetails details, long memberCount, boolean alreadyMember) {}
