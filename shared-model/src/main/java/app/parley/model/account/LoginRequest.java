package app.parley.model.account;

public record LoginRequest(String username, String password) {}
