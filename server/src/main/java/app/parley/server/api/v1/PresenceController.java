package app.parley.server.api.v1;

import app.parley.model.presence.PresenceList;
import app.parley.model.presence.UserPresence;
import app.parley.server.common.IdRefs;
import app.parley.server.presence.PresenceService;
import app.parley.server.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who is online, away or offline, among the people who share a chat with the caller. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class PresenceController {
    private final PresenceService presence;

    PresenceController(PresenceService presence) {
        this.presence = presence;
    }

    /** Everyone who shares a chat with the caller; {@code presence} frames on the main socket keep it current. */
    @Get("/presence{/}")
    PresenceList everyone(Authentication authentication) {
        return presence.visibleTo(Caller.id(authentication));
    }

    /** One person (the caller, or someone who shares a chat with them). */
    @Get("/users/{userId}/presence{/}")
    UserPresence one(Authentication authentication, String userId) {
        return presence.of(Caller.id(authentication), IdRefs.parse(userId, "user_id"));
    }
}
