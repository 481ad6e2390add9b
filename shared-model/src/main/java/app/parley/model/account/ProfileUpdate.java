package app.parley.model.account;

/** The {@code json} part of seed 002's {@code POST /api/v1/user}; absent fields stay as they are. */
public record ProfileUpdate(String username, String name, String description) {}
