package app.parley.server.dialects.seed003;

import app.parley.model.chat.ChatType;
import app.parley.model.common.IdRef;
import app.parley.model.message.Message;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;

/**
 * Seed 003 items 3 to 6: two-person chats named by the other user's username. Every path answers
 * with and without a trailing slash; the document's Express-style {@code :user_name} is accepted
 * literally too ({@code /chat/:bob} is {@code /chat/bob}: a username never starts with a colon).
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class Seed003ChatsController {
    static final String CHAT_REFUSED = "Chat already exists or invalid user";
    static final String MESSAGE_REFUSED = "Invalid message or chat not found";
    static final String CHAT_NOT_FOUND = "Chat not found";
    /** The document's list has no paging: every chat. */
    private static final int ALL_CHATS = Integer.MAX_VALUE;

    private final AccountService accounts;
    private final ChatService chats;
    private final MessageService messages;

    Seed003ChatsController(AccountService accounts, ChatService chats, MessageService messages) {
        this.accounts = accounts;
        this.chats = chats;
        this.messages = messages;
    }

    /** The caller's two-person chats, most recently active first; groups are not chats of this document. */
    @Get("/chats{/}")
    List<Seed003Json.ChatEntry> list(Authentication authentication) {
        return chats.rooms(Caller.id(authentication), ALL_CHATS, 0).stream()
                .filter(room -> ChatType.PRIVATE.wireName().equals(room.kind()))
                .map(room -> new Seed003Json.ChatEntry(room.chatId(), room.otherUsername()))
                .toList();
    }

    /** 201 when the chat is created; 400 when it already existed or the user is unknown (or the caller). */
    @Post("/chat/{userName}{/}")
    HttpResponse<Seed003Json.ChatEntry> create(Authentication authentication, String userName) {
        long caller = Caller.id(authentication);
        ChatService.PrivateChat result;
        Account other;
        try {
            other = accounts.findByUsername(name(userName));
            result = chats.getOrCreatePrivate(caller, new IdRef.Numeric(other.id()));
        } catch (InvalidInputException | NotFoundException refused) {
            throw new Seed003Refusal(HttpStatus.BAD_REQUEST, CHAT_REFUSED, refused);
        }
        if (!result.created()) {
            throw new Seed003Refusal(HttpStatus.BAD_REQUEST, "chat_exists", CHAT_REFUSED);
        }
        return HttpResponse.created(new Seed003Json.ChatEntry(result.chat().id(), other.username()));
    }

    /** 201 with the stored message; an empty message or no chat with that user is 400. */
    @Post("/chats/{userName}/messages{/}")
    HttpResponse<Seed003Json.SentMessage> send(
            Authentication authentication, String userName, @Body @Nullable Seed003Json.NewMessage request) {
        long caller = Caller.id(authentication);
        Message sent;
        try {
            long chatId = chatWith(caller, userName);
            sent = messages.send(
                            caller, chatId, new SendMessageRequest(request == null ? null : request.message(), null))
                    .message();
        } catch (InvalidInputException | NotFoundException refused) {
            throw new Seed003Refusal(HttpStatus.BAD_REQUEST, MESSAGE_REFUSED, refused);
        }
        return HttpResponse.created(new Seed003Json.SentMessage(
                sent.id(), sent.chatId(), sent.author().username(), sent.text(), sent.time()));
    }

    /** Every message of the chat with that user, oldest first; 404 when there is no such chat. */
    @Get("/chats/messages/{userName}{/}")
    List<Seed003Json.MessageEntry> history(Authentication authentication, String userName) {
        long caller = Caller.id(authentication);
        List<Message> transcript;
        try {
            transcript = messages.transcript(caller, chatWith(caller, userName));
        } catch (NotFoundException | InvalidInputException refused) {
            throw new Seed003Refusal(HttpStatus.NOT_FOUND, CHAT_NOT_FOUND, refused);
        }
        return transcript.stream()
                .map(message -> new Seed003Json.MessageEntry(message.author().username(), message.text()))
                .toList();
    }

    /** The caller's private chat with the user of that name; 404 when the user or the chat does not exist. */
    private long chatWith(long caller, String userName) {
        Account other = accounts.findByUsername(name(userName));
        Chat chat = chats.findPrivate(caller, other.id())
                .orElseThrow(() ->
                        new NotFoundException("chat_not_found", "you have no chat with '" + other.username() + "'"));
        return chat.id();
    }

    /** The document writes {@code /chat/:{user_name}}: a literal leading colon is not part of the name. */
    private static String name(String segment) {
        return segment.startsWith(":") ? segment.substring(1) : segment;
    }
}
