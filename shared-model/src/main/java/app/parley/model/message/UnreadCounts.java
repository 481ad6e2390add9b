package app.parley.model.message;

import java.util.List;

/** Seed 001's unread counts, per chat (ordered by chat id) and in total. */
public record UnreadCounts(long total, List<ChatUnread> chats) {
    public record ChatUnread(long chatId, String roomName, long unreadCount) {}
}
