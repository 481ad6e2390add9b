package app.parley.model.invite;

import java.util.List;

public record InviteList(List<Invite> invites) {}
