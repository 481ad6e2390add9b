package app.parley.model.event;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A read receipt: {@code user} has read the chat up to {@code last_read_message_id}. The reader's
 * own main sockets also get their new {@code unread_count} (and {@code mention_count} while some
 * unread messages mention them), so badges agree across devices.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReadEvent(
        String type,
        long chatId,
        UserRef user,
        long lastReadMessageId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long mentionCount)
        implements ServerEvent {

    public ReadEvent(String type, long chatId, UserRef user, long lastReadMessageId, Long unreadCount) {
        this(type, chatId, user, lastReadMessageId, unreadCount, null);
    }

    public static ReadEvent of(long chatId, UserRef user, long lastReadMessageId, Long unreadCount) {
        return new ReadEvent(EventTypes.READ, chatId, user, lastReadMessageId, unreadCount, null);
    }

    /**
     * For the reader's own main sockets: their new unread count for the chat, and their mention
     * count when unread messages still mention them (absent: none do).
     */
    public static ReadEvent forReader(
            long chatId, UserRef user, long lastReadMessageId, long unreadCount, long mentionCount) {
        return new ReadEvent(
                EventTypes.READ, chatId, user, lastReadMessageId, unreadCount, mentionCount > 0 ? mentionCount : null);
    }
}
