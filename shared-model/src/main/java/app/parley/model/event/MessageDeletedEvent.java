package app.parley.model.event;

import app.parley.model.message.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A message was deleted. On main sockets it also carries the member's new unread count and the
 * chat's new last message (null when the chat is now empty), and their count of unread mentions
 * while there are some, so a chat list stays right.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageDeletedEvent(
        String type,
        long chatId,
        long messageId,
        String messageUuid,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Message lastMessage,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long mentionCount)
        implements ServerEvent {

    public MessageDeletedEvent(
            String type, long chatId, long messageId, String messageUuid, Long unreadCount, Message lastMessage) {
        this(type, chatId, messageId, messageUuid, unreadCount, lastMessage, null);
    }

    public static MessageDeletedEvent inChat(long chatId, long messageId, String messageUuid) {
        return new MessageDeletedEvent(EventTypes.MESSAGE_DELETED, chatId, messageId, messageUuid, null, null, null);
    }

    public MessageDeletedEvent forMember(long unreadCount, Message lastMessage) {
        return forMember(unreadCount, lastMessage, 0);
    }

    /** For a member's main sockets; {@code mention_count} only while unread messages still mention them. */
    public MessageDeletedEvent forMember(long unreadCount, Message lastMessage, long mentionCount) {
        return new MessageDeletedEvent(
                type, chatId, messageId, messageUuid, unreadCount, lastMessage, mentionCount > 0 ? mentionCount : null);
    }
}
