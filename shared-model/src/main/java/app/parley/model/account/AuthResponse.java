package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A signed-in session. {@code token} repeats {@code access_token} for clients written in the
 * style of seed 003, which reads {@code token}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthResponse(String accessToken, String token, String tokenType, long expiresIn, UserProfile user) {
    public static AuthResponse bearer(String jwt, long expiresInSeconds, UserProfile user) {
        return new AuthResponse(jwt, jwt, "Bearer", expiresInSeconds, user);
    }
}
