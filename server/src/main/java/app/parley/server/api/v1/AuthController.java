package app.parley.server.api.v1;

import app.parley.model.account.AuthResponse;
import app.parley.model.account.LoginRequest;
import app.parley.model.account.RegisterRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.registration.Registrations;
import app.parley.server.security.TokenIssuer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Registration and sign-in: the only calls that need no token. */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "auth")
class AuthController {
    private final AccountService accounts;
    private final TokenIssuer tokens;
    private final Registrations registrations;

    AuthController(AccountService accounts, Registrations registrations, TokenIssuer tokens) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.tokens = tokens;
    }

    /**
     * Creates an account and signs it in (201). A taken username is 409. With {@code invite}, the
     * new account joins the invite's group (and may register where only the invited may).
     */
    @Post("/register")
    HttpResponse<AuthResponse> register(@Body @Nullable RegisterRequest request, HttpRequest<?> http) {
        return HttpResponse.created(session(registrations.register(request, ClientAddress.of(http)), http));
    }

    /** Signs in with username and password; wrong either way is 401. */
    @Post("/login")
    AuthResponse login(@Body @Nullable LoginRequest request, HttpRequest<?> http) {
        LoginRequest credentials = request == null ? new LoginRequest(null, null) : request;
        return session(accounts.login(credentials.username(), credentials.password(), ClientAddress.of(http)), http);
    }

    private AuthResponse session(Account account, HttpRequest<?> http) {
        return AuthResponse.bearer(tokens.issue(account, http), tokens.ttlSeconds(), account.toProfile());
    }
}
