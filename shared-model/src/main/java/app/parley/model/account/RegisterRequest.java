package app.parley.model.account;

/**
 * Creates an account; {@code name} is the display name and defaults to the username;
 * {@code email} is optional (seed 004 shows one in profiles and signs in with it).
 */
public record RegisterRequest(String username, String password, String name, String email) {

    public RegisterRequest(String username, String password, String name) {
        this(username, password, name, null);
    }
}
