package app.parley.server.security;

import app.parley.server.errors.UnauthorizedException;
import io.micronaut.security.authentication.Authentication;

/** The signed-in account behind a request: tokens carry the account id as their subject. */
public final class Caller {
    private Caller() {}

    public static long id(Authentication authentication) {
        if (authentication == null) {
            throw new UnauthorizedException("unauthorized", "authentication required");
        }
        try {
            return Long.parseLong(authentication.getName());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException("invalid_token", "the token does not name a Parley account");
        }
    }

    /** The session the request's token belongs to ({@code sid}); null for a token without one. */
    public static String sessionId(Authentication authentication) {
        return authentication != null && authentication.getAttributes().get(SESSION_CLAIM) instanceof String sid
                ? sid
                : null;
    }

    /** The claim naming a token's session. */
    public static final String SESSION_CLAIM = "sid";
}
