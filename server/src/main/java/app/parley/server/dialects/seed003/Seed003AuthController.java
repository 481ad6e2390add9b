package app.parley.server.dialects.seed003;

import app.parley.model.account.RegisterRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.UnauthorizedException;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.security.TokenIssuer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/** Seed 003 items 1 and 2: {@code POST /register} and {@code POST /login} (no token needed). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class Seed003AuthController {
    static final String REGISTER_REFUSED = "Username already exists or invalid data";
    static final String LOGIN_REFUSED = "Invalid username or password";

    private final AccountService accounts;
    private final TokenIssuer tokens;

    Seed003AuthController(AccountService accounts, TokenIssuer tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** 201 with the document's message; a taken name or bad input is 400 with the document's text. */
    @Post("/register{/}")
    HttpResponse<Seed003Json.Registered> register(
            @Body @Nullable Seed003Json.Credentials request, HttpRequest<?> http) {
        Seed003Json.Credentials credentials = orEmpty(request);
        try {
            accounts.register(
                    new RegisterRequest(credentials.username(), credentials.password(), null), ClientAddress.of(http));
        } catch (InvalidInputException | ConflictException refused) {
            throw new Seed003Refusal(HttpStatus.BAD_REQUEST, REGISTER_REFUSED, refused);
        }
        return HttpResponse.created(Seed003Json.Registered.OK);
    }

    /** 200 with a bearer token; any failed sign-in (missing fields included) is 401, as the document lists only that. */
    @Post("/login{/}")
    Seed003Json.Token login(@Body @Nullable Seed003Json.Credentials request, HttpRequest<?> http) {
        Seed003Json.Credentials credentials = orEmpty(request);
        Account account;
        try {
            account = accounts.login(credentials.username(), credentials.password(), ClientAddress.of(http));
        } catch (InvalidInputException | UnauthorizedException refused) {
            throw new Seed003Refusal(HttpStatus.UNAUTHORIZED, LOGIN_REFUSED, refused);
        }
        return new Seed003Json.Token(tokens.issue(account, http));
    }

    private static Seed003Json.Credentials orEmpty(@Nullable Seed003Json.Credentials request) {
        return request == null ? new Seed003Json.Credentials(null, null) : request;
    }
}
