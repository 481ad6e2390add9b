package app.parley.server.support;

/** A registered user and an HTTP client that sends that user's token. */
public record TestUser(long id, String uuid, String username, ApiClient api) {}
