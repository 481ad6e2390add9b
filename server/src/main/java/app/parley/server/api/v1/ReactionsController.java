package app.parley.server.api.v1;

import app.parley.model.message.MessageReactions;
import app.parley.model.message.ReactionRequest;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.reactions.ReactionService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Emoji reactions on a message: add one, take one's own back. */
@Controller("/api/v1/chats/{chatId}/messages/{messageId}/reactions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "messages")
class ReactionsController {
    private final ChatService chats;
    private final ReactionService reactions;

    ReactionsController(ChatService chats, ReactionService reactions) {
        this.chats = chats;
        this.reactions = reactions;
    }

    /** Reacts with an emoji (again: nothing changes); the message's reactions as they now are. */
    @Post("{/}")
    MessageReactions add(
            Authentication authentication, String chatId, String messageId, @Body @Nullable ReactionRequest request) {
        long chat = chats.get(chatId).id();
        return reactions.add(Caller.id(authentication), chat, IdRefs.parse(messageId, "message_id"), request);
    }

    /** Takes the caller's own reaction back (one not there: nothing changes). */
    @Delete("/{emoji}{/}")
    MessageReactions remove(Authentication authentication, String chatId, String messageId, String emoji) {
        long chat = chats.get(chatId).id();
        return reactions.remove(Caller.id(authentication), chat, IdRefs.parse(messageId, "message_id"), emoji);
    }
}
