package app.parley.model.account;

/** Creates an account; {@code name} is the display name and defaults to the username. */
public record RegisterRequest(String username, String password, String name) {}
