package app.parley.server.api.v1;

import app.parley.model.account.RegisterRequest;
import app.parley.model.admin.AccountChange;
import app.parley.model.admin.AdminUser;
import app.parley.model.admin.AdminUserList;
import app.parley.model.admin.ServerAdministration;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountAdministration;
import app.parley.server.accounts.AccountService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;

/** What the server's administrators do: list accounts, make them, disable, enable, reset passwords, promote. */
@Controller("/api/v1/admin")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "admin")
class AdminController {
    private final AccountAdministration administration;
    private final AccountService accounts;

    AdminController(AccountAdministration administration, AccountService accounts) {
        this.administration = administration;
        this.accounts = accounts;
    }

    /** Answered to administrators only (403 otherwise): how the server takes new accounts. */
    @Get("{/}")
    ServerAdministration overview(Authentication authentication) {
        administration.requireAdmin(Caller.id(authentication));
        return new ServerAdministration(
                accounts.registration().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @Get("/users{/}")
    AdminUserList users(Authentication authentication) {
        return new AdminUserList(administration.list(Caller.id(authentication)).stream()
                .map(AdminController::view)
                .toList());
    }

    /** An account made by an administrator (201), whatever the registration mode. */
    @Post("/users{/}")
    HttpResponse<AdminUser> add(Authentication authentication, @Body @Nullable RegisterRequest request) {
        return HttpResponse.created(view(administration.add(Caller.id(authentication), request)));
    }

    @Patch("/users/{userId}{/}")
    AdminUser change(Authentication authentication, String userId, @Body @Nullable AccountChange change) {
        return view(administration.change(Caller.id(authentication), userId, change));
    }

    private static AdminUser view(Account account) {
        return new AdminUser(
                account.id(),
                account.uuid(),
                account.username(),
                account.name(),
                account.bot(),
                account.admin(),
                account.disabled(),
                account.createdAt());
    }
}
