package app.parley.server.api.v1;

import app.parley.model.account.PasswordChange;
import app.parley.model.account.SessionList;
import app.parley.server.accounts.AccountService;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.security.Caller;
import app.parley.server.sessions.SessionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A person's sessions: sign out, list them, end one from another device, change the password (which ends the others). */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "auth")
class SessionsController {
    private final SessionService sessions;
    private final AccountService accounts;

    SessionsController(SessionService sessions, AccountService accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** Signs out: this token's session ends (its sockets close; its tokens stop counting). */
    @Post("/logout{/}")
    HttpResponse<Void> logout(Authentication authentication) {
        sessions.end(Caller.id(authentication), Caller.sessionId(authentication));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** The caller's open sessions, most recently used first; {@code current} marks this one. */
    @Get("/sessions{/}")
    SessionList list(Authentication authentication) {
        return sessions.list(Caller.id(authentication), Caller.sessionId(authentication));
    }

    /** Ends one of the caller's sessions (a lost laptop); someone else's is 404. */
    @Delete("/sessions/{sessionId}{/}")
    HttpResponse<Void> end(Authentication authentication, String sessionId) {
        sessions.end(Caller.id(authentication), sessionId);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    /** Changes the caller's password; every other session ends, this one goes on. */
    @Put("/password{/}")
    HttpResponse<Void> changePassword(
            Authentication authentication, @Body @Nullable PasswordChange change, HttpRequest<?> http) {
        accounts.changePassword(
                Caller.id(authentication), change, ClientAddress.of(http), Caller.sessionId(authentication));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
