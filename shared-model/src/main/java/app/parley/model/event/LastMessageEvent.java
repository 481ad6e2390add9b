package app.parley.model.event;

import app.parley.model.account.UserRef;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Seed 002's {@code last_message}, sent on every member's main socket for each new message in
 * any of their chats, with that member's new unread count for the chat. Like {@link Message},
 * it carries the author's UUID without writing it. {@code mention} says the message mentions
 * that member, with their new {@code mention_count} for the chat.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LastMessageEvent(
        long id,
        String uuid,
        long chatId,
        String type,
        String text,
        UserRef author,
        Instant time,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientMsgId,
        long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant editedAt,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean mention,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long mentionCount,
        @JsonIgnore String authorUuid)
        implements ServerEvent {

    public LastMessageEvent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The event of a message that has not been edited and does not mention its reader. */
    public LastMessageEvent(
            long id,
            String uuid,
            long chatId,
            String type,
            String text,
            UserRef author,
            Instant time,
            String clientMsgId,
            long unreadCount,
            List<Attachment> attachments,
            String authorUuid) {
        this(
                id,
                uuid,
                chatId,
                type,
                text,
                author,
                time,
                clientMsgId,
                unreadCount,
                attachments,
                null,
                false,
                null,
                authorUuid);
    }

    public static LastMessageEvent of(Message message, long unreadCount) {
        return of(message, unreadCount, false, null);
    }

    /**
     * For a member whom the message mentions ({@code mention}), with their new count of unread
     * mentions in the chat; {@code mentionCount} is null when the message does not mention them.
     */
    public static LastMessageEvent of(Message message, long unreadCount, boolean mention, Long mentionCount) {
        return new LastMessageEvent(
                message.id(),
                message.uuid(),
                message.chatId(),
                EventTypes.LAST_MESSAGE,
                message.text(),
                message.author(),
                message.time(),
                message.clientMsgId(),
                unreadCount,
                message.attachments(),
                message.editedAt(),
                mention,
                mentionCount,
                message.authorUuid());
    }

    public Message message() {
        return new Message(
                id,
                uuid,
                chatId,
                Message.TYPE_MESSAGE,
                text,
                author,
                time,
                clientMsgId,
                attachments,
                editedAt,
                null,
                List.of(),
                List.of(),
                false,
                authorUuid);
    }
}
