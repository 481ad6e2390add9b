package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Creates an account; {@code name} is the display name and defaults to the username;
 * {@code email} is optional (seed 004 shows one in profiles and signs in with it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisterRequest(String username, String password, String name, String email) {

    public RegisterRequest(String username, String password, String name) {
        this(username, password, name, null);
    }
}
