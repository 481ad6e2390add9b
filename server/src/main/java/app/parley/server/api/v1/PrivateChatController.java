package app.parley.server.api.v1;

import app.parley.model.chat.ChatInfo;
import app.parley.model.chat.PrivateChatResponse;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Seed 002's private chats. */
@Controller("/api/v1/chat")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "chats")
class PrivateChatController {
    private final ChatService chats;
    private final RoomViews rooms;

    PrivateChatController(ChatService chats, RoomViews rooms) {
        this.chats = chats;
        this.rooms = rooms;
    }

    /** The private chat with user {@code id}, created on first use (the same chat every time). */
    @Post("/{id}")
    PrivateChatResponse open(Authentication authentication, String id) {
        long caller = Caller.id(authentication);
        Chat chat = chats.getOrCreatePrivate(caller, IdRefs.parse(id, "id")).chat();
        return new PrivateChatResponse("ok", rooms.of(chats.room(caller, chat.id())));
    }

    /** A chat with its members; members only. */
    @Get("/{id}/info")
    ChatInfo info(Authentication authentication, String id) {
        long caller = Caller.id(authentication);
        Chat chat = chats.get(IdRefs.parse(id, "id"));
        return V1Views.info(chat, chats.memberAccounts(caller, chat.id()), caller);
    }
}
