package app.parley.model.event;

import app.parley.model.message.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A message was deleted. On main sockets it also carries the member's new unread count and the
 * chat's new last message (null when the chat is now empty), so a chat list stays right.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageDeletedEvent(
        String type,
        long chatId,
        long messageId,
        String messageUuid,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Message lastMessage)
        implements ServerEvent {

    public static MessageDeletedEvent inChat(long chatId, long messageId, String messageUuid) {
        return new MessageDeletedEvent(EventTypes.MESSAGE_DELETED, chatId, messageId, messageUuid, null, null);
    }

    public MessageDeletedEvent forMember(long unreadCount, Message lastMessage) {
        return new MessageDeletedEvent(type, chatId, messageId, messageUuid, unreadCount, lastMessage);
    }
}
