package app.parley.server.api.v1;

import app.parley.model.common.ServerLimits;
import app.parley.server.config.ParleyLimits;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/limits}: the server's input limits ({@code parley.limits.*}), for anyone:
 * a sign-up form needs them before there is an account, and they are the rules every refusal
 * already states.
 */
@Controller("/api/v1/limits")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "limits")
class LimitsController {
    private final ParleyLimits limits;

    LimitsController(ParleyLimits limits) {
        this.limits = limits;
    }

    @Get("{/}")
    ServerLimits limits() {
        return new ServerLimits(
                limits.usernameMin(),
                limits.usernameMax(),
                limits.passwordMin(),
                limits.passwordMax(),
                limits.displayNameMax(),
                limits.descriptionMax(),
                limits.chatNameMax(),
                limits.messageMax(),
                limits.searchQueryMax(),
                limits.groupMembersMax());
    }
}
