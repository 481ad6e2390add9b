package app.parley.server.api.v1;

import app.parley.model.common.StatusResponse;
import app.parley.model.message.EditMessageRequest;
import app.parley.model.message.Message;
import app.parley.model.message.MessagePage;
import app.parley.model.message.MessageVersions;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.config.ParleyLimits;
import app.parley.server.messages.HistoryPage;
import app.parley.server.messages.HistoryQuery;
import app.parley.server.messages.MessageService;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Seed 001's messages of a chat: history, send, delete; and Parley's edit and earlier versions. */
@Controller("/api/v1/chats/{chatId}/messages")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "messages")
class MessagesController {
    private final ChatService chats;
    private final MessageService messages;
    private final ParleyLimits limits;

    MessagesController(ChatService chats, MessageService messages, ParleyLimits limits) {
        this.chats = chats;
        this.messages = messages;
        this.limits = limits;
    }

    /**
     * One page of history: newest first by default; {@code before}/{@code after} are message-id
     * cursors, {@code order} is {@code asc} or {@code desc}; {@code next} continues the same way.
     */
    @Get("{/}")
    MessagePage history(
            Authentication authentication,
            String chatId,
            @QueryValue @Nullable Integer limit,
            @QueryValue @Nullable Integer offset,
            @QueryValue @Nullable Long before,
            @QueryValue @Nullable Long after,
            @QueryValue @Nullable String order) {
        long chat = chats.get(chatId).id();
        HistoryQuery query = HistoryQuery.of(limit, offset, before, after, order, limits);
        HistoryPage found = messages.historyPage(Caller.id(authentication), chat, query);
        List<Message> page = found.messages();
        return new MessagePage(
                page, found.more() ? nextLink(chat, query, page) : null, previousLink(chat, query, page));
    }

    /**
     * Sends a message (201); a resend with the same {@code client_msg_id} returns the first one,
     * or 409 {@code message_deleted} once that one has been deleted.
     */
    @Post("{/}")
    HttpResponse<Message> send(
            Authentication authentication, String chatId, @Body @Nullable SendMessageRequest request) {
        long chat = chats.get(chatId).id();
        return HttpResponse.created(
                messages.send(Caller.id(authentication), chat, request).message());
    }

    /**
     * The same as a form ({@code text}, or {@code message} or {@code content} as in JSON, and
     * {@code client_msg_id}), as seed 001's Django REST framework origin accepts it.
     */
    @Post("{/}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @RouteCondition(Forms.HAS_CONTENT_TYPE)
    @Secured(Forms.SIGNED_IN)
    HttpResponse<Message> sendForm(
            Authentication authentication,
            String chatId,
            @Body("text") @Nullable String text,
            @Body("message") @Nullable String message,
            @Body("content") @Nullable String content,
            @Body("client_msg_id") @Nullable String clientMsgId) {
        // Seed 001 quirk (form twin, text aliases): see docs/api.md, "Seed quirks in the canonical code".
        String given = text != null ? text : message != null ? message : content;
        return send(authentication, chatId, new SendMessageRequest(given, clientMsgId));
    }

    /** Deletes one of the caller's own messages. */
    @Delete("/{messageId}{/}")
    StatusResponse delete(Authentication authentication, String chatId, String messageId) {
        long chat = chats.get(chatId).id();
        messages.delete(Caller.id(authentication), chat, IdRefs.parse(messageId, "message_id"));
        return StatusResponse.ok();
    }

    /** Gives one of the caller's own messages a new text; the message as it now is. */
    @Patch("/{messageId}{/}")
    Message edit(
            Authentication authentication,
            String chatId,
            String messageId,
            @Body @Nullable EditMessageRequest request) {
        long chat = chats.get(chatId).id();
        return messages.edit(Caller.id(authentication), chat, IdRefs.parse(messageId, "message_id"), request);
    }

    /** Every text the message has had, oldest first, the current one last. */
    @Get("/{messageId}/versions{/}")
    MessageVersions versions(Authentication authentication, String chatId, String messageId) {
        long chat = chats.get(chatId).id();
        return messages.versions(Caller.id(authentication), chat, IdRefs.parse(messageId, "message_id"));
    }

    /** Continues past the page's last message, keeping the far end of a before/after range. */
    private static String nextLink(long chat, HistoryQuery query, List<Message> page) {
        long edge = page.getLast().id();
        return query.oldestFirst()
                ? link(
                        chat,
                        "after=" + edge + (query.beforeId() == null ? "" : "&before=" + query.beforeId())
                                + "&order=asc",
                        query)
                : link(
                        chat,
                        "before=" + edge + (query.afterId() == null ? "" : "&after=" + query.afterId() + "&order=desc"),
                        query);
    }

    private static String previousLink(long chat, HistoryQuery query, List<Message> page) {
        boolean atStart =
                query.offset() == 0 && (query.oldestFirst() ? query.afterId() == null : query.beforeId() == null);
        if (atStart || page.isEmpty()) {
            return null;
        }
        long edge = page.getFirst().id();
        return query.oldestFirst()
                ? link(chat, "before=" + edge + "&order=desc", query)
                : link(chat, "after=" + edge + "&order=asc", query);
    }

    private static String link(long chat, String cursor, HistoryQuery query) {
        return "/api/v1/chats/" + chat + "/messages/?" + cursor + "&limit=" + query.limit();
    }
}
