package app.parley.server.dialects.seed004;

import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.PublicAddress;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.security.TokenIssuer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Seed 004's authentication: the only calls of the dialect that need no token. */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
class Seed004AuthController {
    private final Seed004Registration registration;
    private final AccountService accounts;
    private final TokenIssuer tokens;

    Seed004AuthController(Seed004Registration registration, AccountService accounts, TokenIssuer tokens) {
        this.registration = registration;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** Creates an account and signs it in (201); an e-mail or username already registered is 409. */
    @Post("/register{/}")
    HttpResponse<Seed004Json.Session> register(@Body @Nullable Seed004Json.RegisterBody body, HttpRequest<?> request) {
        return HttpResponse.created(session(registration.register(body, ClientAddress.of(request)), request));
    }

    /** Signs in with e-mail (or username) and password; wrong either way is 401. */
    @Post("/login{/}")
    Seed004Json.Session login(@Body @Nullable Seed004Json.LoginBody body, HttpRequest<?> request) {
        String identifier = null;
        String password = null;
        if (body != null) {
            identifier = body.email() != null && !body.email().isBlank() ? body.email() : body.username();
            password = body.password();
        }
        return session(accounts.login(identifier, password, ClientAddress.of(request)), request);
    }

    private Seed004Json.Session session(Account account, HttpRequest<?> request) {
        return new Seed004Json.Session(
                tokens.issue(account, request), Seed004Views.user(account, PublicAddress.http(request)));
    }
}
