package app.parley.server.invites;

import app.parley.server.accounts.Account;
import app.parley.server.chats.Chat;

/** An invite with the group it leads to, who made it and its state now. */
public record InviteDetails(Invite invite, Chat chat, Account inviter, InviteState state) {}
