package app.parley.server.security;

import app.parley.server.accounts.Account;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.sessions.SessionService;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Issues signed bearer tokens whose subject is the account's integer id, each for a new session
 * ({@code sid}) that the person can end, and that a password change ends.
 */
@Singleton
public class TokenIssuer {
    private final TokenGenerator generator;
    private final SessionService sessions;
    private final int ttlSeconds;

    public TokenIssuer(
            TokenGenerator generator,
            SessionService sessions,
            @Value("${parley.auth.token-ttl-seconds}") int ttlSeconds) {
        this.generator = generator;
        this.sessions = sessions;
        this.ttlSeconds = ttlSeconds;
    }

    /** A token for a new session of the account, signed in by this request's client. */
    public String issue(Account account, HttpRequest<?> request) {
        String client = request.getHeaders().get(HttpHeaders.USER_AGENT);
        return issue(account, sessions.start(account.id(), account.passwordHash(), client, ClientAddress.of(request)));
    }

    private String issue(Account account, String sessionId) {
        Authentication authentication = Authentication.build(
                String.valueOf(account.id()),
                List.of(),
                Map.of(
                        "username",
                        account.username(),
                        "uuid",
                        account.uuid(),
                        "user_id",
                        account.id(),
                        Caller.SESSION_CLAIM,
                        sessionId));
        return generator
                .generateToken(authentication, ttlSeconds)
                .orElseThrow(() -> new IllegalStateException("the token generator produced no token"));
    }

    public int ttlSeconds() {
        return ttlSeconds;
    }
}
