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
}
