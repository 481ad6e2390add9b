package app.parley.server.api.v1;

import app.parley.model.account.UserList;
import app.parley.model.account.UserProfile;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.Paging;
import app.parley.server.config.ParleyLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The user directory: list users, find one by username. */
@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class UsersController {
    private final AccountService accounts;
    private final ParleyLimits limits;

    UsersController(AccountService accounts, ParleyLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    /**
     * Users ordered by username; {@code username} filters by prefix. {@code query} finds people
     * by username or by a word of their name (see {@link AccountService#find}).
     */
    @Get
    UserList list(
            @QueryValue @Nullable String username,
            @QueryValue @Nullable String query,
            @QueryValue @Nullable Integer limit,
            @QueryValue @Nullable Integer offset) {
        Paging paging = Paging.of(limit, offset, limits);
        var found = query != null
                ? accounts.find(query, paging.limit(), paging.offset())
                : accounts.list(username, paging.limit(), paging.offset());
        return new UserList(found.stream().map(Account::toProfile).toList());
    }

    /** Exactly one user, by username (case-insensitive). */
    @Get("/by-username/{username}")
    UserProfile byUsername(String username) {
        return accounts.findByUsername(username).toProfile();
    }
}
