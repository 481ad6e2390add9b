package app.parley.model.event;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A frame a client sends. Seed 002's {@code message} ({@code text}, {@code author}),
 * {@code typing} and {@code stop_typing}, plus Parley's {@code mark_read}
 * ({@code up_to_message_id}) and {@code catch_up} (optional {@code after_id}: the server knows
 * where the socket's history stopped). On a main socket
 * {@code chat_id} names the chat; on a chat socket it may be left out. A {@code message} may
 * list {@code attachments}: files the sender uploaded into the chat beforehand, and
 * {@code reply_to}: the message of the chat it answers. {@code presence} ({@code status}:
 * {@code online} or {@code away}) on a main socket says whether the app's person is there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientFrame(
        String type,
        Object chatId,
        String text,
        UserRef author,
        String clientMsgId,
        Long upToMessageId,
        Long afterId,
        List<IdValue> attachments,
        IdValue replyTo,
        String status) {

    public ClientFrame(
            String type,
            Object chatId,
            String text,
            UserRef author,
            String clientMsgId,
            Long upToMessageId,
            Long afterId,
            List<IdValue> attachments,
            IdValue replyTo) {
        this(type, chatId, text, author, clientMsgId, upToMessageId, afterId, attachments, replyTo, null);
    }

    public ClientFrame(
            String type,
            Object chatId,
            String text,
            UserRef author,
            String clientMsgId,
            Long upToMessageId,
            Long afterId,
            List<IdValue> attachments) {
        this(type, chatId, text, author, clientMsgId, upToMessageId, afterId, attachments, null);
    }

    public ClientFrame(
            String type,
            Object chatId,
            String text,
            UserRef author,
            String clientMsgId,
            Long upToMessageId,
            Long afterId) {
        this(type, chatId, text, author, clientMsgId, upToMessageId, afterId, null, null, null);
    }

    public static ClientFrame message(Object chatId, String text, String clientMsgId) {
        return new ClientFrame(EventTypes.MESSAGE, chatId, text, null, clientMsgId, null, null);
    }

    public static ClientFrame typing(Object chatId) {
        return new ClientFrame(EventTypes.TYPING, chatId, null, null, null, null, null);
    }

    public static ClientFrame stopTyping(Object chatId) {
        return new ClientFrame(EventTypes.STOP_TYPING, chatId, null, null, null, null, null);
    }

    public static ClientFrame markRead(Object chatId, Long upToMessageId) {
        return new ClientFrame(EventTypes.MARK_READ, chatId, null, null, null, upToMessageId, null);
    }

    /** {@code presence}: the app's person is there ({@code online}) or idle ({@code away}). */
    public static ClientFrame presence(String status) {
        return new ClientFrame(EventTypes.PRESENCE, null, null, null, null, null, null, null, null, status);
    }

    public static ClientFrame catchUp(Object chatId, long afterId) {
        return new ClientFrame(EventTypes.CATCH_UP, chatId, null, null, null, null, afterId);
    }
}
