package app.parley.server.dialects.seed004;

import app.parley.model.message.Message;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/** Seed 004's {@code POST /api/messages/}. */
@Controller("/api/messages")
@Secured(SecurityRule.IS_AUTHENTICATED)
class Seed004MessagesController {
    private final AccountService accounts;
    private final ChatService chats;
    private final MessageService messages;

    Seed004MessagesController(AccountService accounts, ChatService chats, MessageService messages) {
        this.accounts = accounts;
        this.chats = chats;
        this.messages = messages;
    }

    /**
     * Sends a message as the caller (200, as the document shows). The body's {@code sender_id}
     * is who the client says is sending: it must be the token's user (403), as with seed 002's
     * {@code author}; left out, the caller is meant.
     */
    @Post("{/}")
    Seed004Json.SentMessage send(Authentication authentication, @Body @Nullable Seed004Json.NewMessage body) {
        long caller = Caller.id(authentication);
        if (body == null) {
            throw new InvalidInputException(
                    null, "a JSON body with conversation_id, sender_id and message is required");
        }
        accounts.requireSelf(caller, body.senderId(), "sender_id");
        long chat = chats.get(IdRefs.parse(body.conversationId(), "conversation_id"))
                .id();
        Message sent = messages.send(caller, chat, new SendMessageRequest(body.message(), null))
                .message();
        return new Seed004Json.SentMessage(sent.uuid(), sent.text(), sent.time());
    }
}
