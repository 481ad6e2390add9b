package app.parley.server.dialects.seed004;

import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.IdRefs;
import app.parley.server.common.PublicAddress;
import app.parley.server.config.ParleyLimits;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.List;

/** Seed 004's user profiles. */
@Controller("/api/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
class Seed004UsersController {
    private final AccountService accounts;
    private final ParleyLimits limits;

    Seed004UsersController(AccountService accounts, ParleyLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    /** Every user's profile (the document shows no paging), by username. */
    @Get("{/}")
    List<Seed004Json.User> all(HttpRequest<?> request) {
        String base = PublicAddress.http(request);
        List<Seed004Json.User> users = new ArrayList<>();
        int pageSize = limits.pageSizeMax();
        for (int offset = 0; ; offset += pageSize) {
            List<Account> page = accounts.list(null, pageSize, offset);
            page.forEach(account -> users.add(Seed004Views.user(account, base)));
            if (page.size() < pageSize) {
                return users;
            }
        }
    }

    /** One user's profile, by UUID (an integer id works too). */
    @Get("/{userId}{/}")
    Seed004Json.User one(String userId, HttpRequest<?> request) {
        return Seed004Views.user(accounts.get(IdRefs.parse(userId, "user_id")), PublicAddress.http(request));
    }
}
