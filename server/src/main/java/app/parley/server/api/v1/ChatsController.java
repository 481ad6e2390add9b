package app.parley.server.api.v1;

import app.parley.model.chat.ChatList;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.MuteRequest;
import app.parley.model.chat.PrivateChatRequest;
import app.parley.model.chat.SocketUrl;
import app.parley.model.common.IdValue;
import app.parley.model.common.StatusResponse;
import app.parley.model.event.ChatMutedEvent;
import app.parley.model.message.MarkReadRequest;
import app.parley.model.message.ReadPositions;
import app.parley.model.message.ReadState;
import app.parley.model.message.SearchResults;
import app.parley.model.message.UnreadCounts;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatMutes;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.common.Paging;
import app.parley.server.common.PublicAddress;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.ParleyException;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The chat list (seed 002's {@code GET /api/v1/chats}) and seed 001's rooms API. Every path
 * answers with and without its trailing slash.
 */
@Controller("/api/v1/chats")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "chats")
class ChatsController {
    /** Seed 002 quirk ("by default: no limit"): see docs/api.md, "Seed quirks in the canonical code". */
    private static final int ALL_CHATS = Integer.MAX_VALUE;

    private final ChatService chats;
    private final MessageService messages;
    private final ParleyLimits limits;
    private final RoomViews rooms;
    private final ChatMutes mutes;

    ChatsController(ChatService chats, MessageService messages, ParleyLimits limits, RoomViews rooms, ChatMutes mutes) {
        this.rooms = rooms;
        this.mutes = mutes;
        this.chats = chats;
        this.messages = messages;
        this.limits = limits;
    }

    /** The caller's chats, most recently active first, each with its last message and unread count. */
    @Get("{/}")
    ChatList list(
            Authentication authentication, @QueryValue @Nullable Integer limit, @QueryValue @Nullable Integer offset) {
        Paging paging = Paging.of(limit, offset, ALL_CHATS, limits.pageSizeMax());
        return new ChatList(rooms.of(chats.rooms(Caller.id(authentication), paging.limit(), paging.offset())));
    }

    /** Seed 001: the private chat with {@code user_id}, created if needed (201) or returned (200). */
    @Post("{/}")
    HttpResponse<ChatRoom> openPrivate(Authentication authentication, @Body @Nullable PrivateChatRequest request) {
        // Seed 001 quirk (201 or 200): see docs/api.md, "Seed quirks in the canonical code".
        long caller = Caller.id(authentication);
        var result =
                chats.getOrCreatePrivate(caller, IdRefs.require(request == null ? null : request.userId(), "user_id"));
        ChatRoom room = rooms.of(chats.room(caller, result.chat().id()));
        return result.created() ? HttpResponse.created(room) : HttpResponse.ok(room);
    }

    /** The same as a form, as seed 001's Django REST framework origin accepts it. */
    @Post("{/}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @RouteCondition(Forms.HAS_CONTENT_TYPE)
    @Secured(Forms.SIGNED_IN)
    HttpResponse<ChatRoom> openPrivateForm(Authentication authentication, @Body("user_id") @Nullable String userId) {
        // Seed 001 quirk (form twin): see docs/api.md, "Seed quirks in the canonical code".
        return openPrivate(authentication, new PrivateChatRequest(IdValue.from(userId)));
    }

    /** Unread message counts of the caller, per chat and in total. */
    @Get("/unread{/}")
    UnreadCounts unread(Authentication authentication) {
        return V1Views.unread(messages.unreadCounts(Caller.id(authentication)));
    }

    /**
     * Marks the chat read for the caller: everything until now, or up to {@code up_to_message_id}.
     * Seed 001's {@code room_name} is not needed (the path names the chat) but, if sent, must name
     * the same chat.
     */
    @Post("/{chatId}/mark_read{/}")
    ReadState markRead(Authentication authentication, String chatId, @Body @Nullable MarkReadRequest request) {
        long caller = Caller.id(authentication);
        Chat chat = chats.requireMember(chatId, caller);
        requireSameRoom(chat, request == null ? null : request.roomName());
        Long upTo = request == null ? null : request.upToMessageId();
        return V1Views.readState(messages.markRead(caller, chat.id(), upTo));
    }

    /** The same as a form. */
    @Post("/{chatId}/mark_read{/}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @RouteCondition(Forms.HAS_CONTENT_TYPE)
    @Secured(Forms.SIGNED_IN)
    ReadState markReadForm(
            Authentication authentication,
            String chatId,
            @Body("room_name") @Nullable String roomName,
            @Body("up_to_message_id") @Nullable String upToMessageId) {
        // Seed 001 quirk (form twin): see docs/api.md, "Seed quirks in the canonical code".
        return markRead(
                authentication, chatId, new MarkReadRequest(roomName, formNumber(upToMessageId, "up_to_message_id")));
    }

    /** Mutes the chat for the caller: until {@code until}, or until unmuted when it is left out. */
    @Put("/{chatId}/mute{/}")
    ChatMutedEvent mute(Authentication authentication, String chatId, @Body @Nullable MuteRequest request) {
        long caller = Caller.id(authentication);
        return mutes.mute(caller, chats.requireMember(chatId, caller).id(), request);
    }

    @Delete("/{chatId}/mute{/}")
    ChatMutedEvent unmute(Authentication authentication, String chatId) {
        long caller = Caller.id(authentication);
        return mutes.unmute(caller, chats.requireMember(chatId, caller).id());
    }

    /**
     * Every member's read position (members only): for read receipts, with the chat's
     * {@code read} frames announcing each move.
     */
    @Get("/{chat}/read_positions{/}")
    ReadPositions readPositions(Authentication authentication, String chat) {
        return messages.readPositions(Caller.id(authentication), chats.get(chat).id());
    }

    /** Full-text search in one chat (by id, UUID or room name), best match first. */
    @Get("/{chat}/search{/}")
    SearchResults search(
            Authentication authentication,
            String chat,
            @QueryValue @Nullable String query,
            @QueryValue @Nullable Integer limit) {
        long caller = Caller.id(authentication);
        var found = messages.search(caller, chats.get(chat).id(), query, limit);
        return new SearchResults(query, found);
    }

    /**
     * Seed 001's WebSocket URL for a chat (members only), on the host and scheme the client used
     * to reach this server, so it works behind the same address.
     */
    @Get("/{chatId}/connect{/}")
    SocketUrl connect(Authentication authentication, String chatId, HttpRequest<?> request) {
        Chat room = chats.requireMember(chatId, Caller.id(authentication));
        return new SocketUrl(
                PublicAddress.websocket(request) + "/ws/chat/" + room.id() + "/", room.id(), room.roomName());
    }

    /** Deletes a chat with its messages: a group by its owner, a private chat by either member. */
    @Delete("/{chatId}{/}")
    StatusResponse delete(Authentication authentication, String chatId) {
        chats.delete(Caller.id(authentication), chats.get(chatId).id());
        return StatusResponse.ok();
    }

    /** A {@code room_name} sent along must name the chat of the path (by room name, id or UUID). */
    private void requireSameRoom(Chat chat, @Nullable String roomName) {
        // Seed 001 quirk (mark_read's room_name): see docs/api.md, "Seed quirks in the canonical code".
        if (roomName == null) {
            return;
        }
        boolean same;
        try {
            same = !roomName.isBlank() && chats.get(roomName.strip()).id() == chat.id();
        } catch (ParleyException e) {
            same = false;
        }
        if (!same) {
            throw new InvalidInputException(
                    "room_name",
                    "room_name must name chat " + chat.id() + " of the path ('" + chat.roomName()
                            + "'), or be left out");
        }
    }

    /** A whole number sent as a form field (forms carry text only). */
    private static @Nullable Long formNumber(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
    }
}
