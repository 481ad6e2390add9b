package app.parley.server.security;

import app.parley.server.accounts.Account;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Issues signed bearer tokens whose subject is the account's integer id. */
@Singleton
public class TokenIssuer {
    private final TokenGenerator generator;
    private final int ttlSeconds;

    public TokenIssuer(TokenGenerator generator, @Value("${parley.auth.token-ttl-seconds}") int ttlSeconds) {
        this.generator = generator;
        this.ttlSeconds = ttlSeconds;
    }

    public String issue(Account account) {
        Authentication authentication = Authentication.build(
                String.valueOf(account.id()),
                List.of(),
                Map.of("username", account.username(), "uuid", account.uuid(), "user_id", account.id()));
        return generator
                .generateToken(authentication, ttlSeconds)
                .orElseThrow(() -> new IllegalStateException("the token generator produced no token"));
    }

    public int ttlSeconds() {
        return ttlSeconds;
    }
}
