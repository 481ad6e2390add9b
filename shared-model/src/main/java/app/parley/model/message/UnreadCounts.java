package app.parley.model.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Seed 001's unread counts, per chat (ordered by chat id) and in total; each chat also says how
 * many of its unread messages mention the caller (only when some do).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnreadCounts(long total, List<ChatUnread> chats) {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChatUnread(
            long chatId,
            String roomName,
            long unreadCount,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) long mentionCount) {

        public ChatUnread(long chatId, String roomName, long unreadCount) {
            this(chatId, roomName, unreadCount, 0);
        }
    }
}
