package app.parley.model.account;

import java.util.List;

public record UserList(List<UserProfile> users) {}
