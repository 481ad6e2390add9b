package app.parley.model.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Creates an account; {@code name} is the display name and defaults to the username;
 * {@code email} is optional (seed 004 shows one in profiles and signs in with it); {@code invite}
 * (an invite token or link) registers on a server that takes new accounts by invitation, and
 * joins the invite's group.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterRequest(String username, String password, String name, String email, String invite) {

    public RegisterRequest(String username, String password, String name, String email) {
        this(username, password, name, email, null);
    }

    public RegisterRequest(String username, String password, String name) {
        this(username, password, name, null, null);
    }
}
