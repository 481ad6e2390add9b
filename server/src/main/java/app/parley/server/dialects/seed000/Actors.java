package app.parley.server.dialects.seed000;

import app.parley.server.accounts.AccountService;
import app.parley.server.security.Caller;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Seed 000 names the acting user in its bodies ({@code owner}, {@code user}, {@code inviter},
 * {@code user_id}, the UserId payload); Parley knows the actor from the token. This maps the
 * document's actor onto the caller: the two must be the same user (403 otherwise), and the
 * services then act for the caller, with their own rules.
 */
@Singleton
class Actors {
    private final AccountService accounts;

    Actors(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The caller's account id, once {@code raw} (the body's {@code field}, required here) is known to name the caller. */
    long require(Authentication authentication, Object raw, String field) {
        long callerId = Caller.id(authentication);
        Ids.parse(raw, field);
        accounts.requireSelf(callerId, raw, field);
        return callerId;
    }
}
