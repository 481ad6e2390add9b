package app.parley.server.invites;

import app.parley.server.chats.Chat;

/** The outcome of accepting an invite: the group, and false when the caller was already a member. */
public record Accepted(Chat chat, boolean joined) {}
