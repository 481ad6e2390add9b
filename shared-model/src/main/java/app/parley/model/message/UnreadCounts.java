package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Seed 001's unread counts, per chat (ordered by chat id) and in total. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnreadCounts(long total, List<ChatUnread> chats) {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChatUnread(long chatId, String roomName, long unreadCount) {}
}
