package app.parley.server.api.v1;

import app.parley.model.message.SearchResults;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Search across all of the caller's chats. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "messages")
class SearchController {
    private final MessageService messages;

    SearchController(MessageService messages) {
        this.messages = messages;
    }

    /** Full-text search in every chat the caller is a member of, newest match first; each message names its chat. */
    @Get("/search{/}")
    SearchResults search(
            Authentication authentication, @QueryValue @Nullable String query, @QueryValue @Nullable Integer limit) {
        return new SearchResults(query, messages.searchEverywhere(Caller.id(authentication), query, limit));
    }
}
