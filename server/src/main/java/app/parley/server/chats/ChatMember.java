package app.parley.server.chats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Membership of one user in one chat, with that member's read state. */
@MappedEntity("chat_members")
public record ChatMember(
        @Id @GeneratedValue @Nullable Long id,
        long chatId,
        long userId,
        String role,
        Instant joinedAt,
        long lastReadMessageId,
        long unreadCount,
        @Nullable Instant lastSeenAt) {

    public static final String OWNER = "owner";
    public static final String MEMBER = "member";

    /** A new member has nothing unread: what was said before they joined starts out read. */
    static ChatMember joining(Chat chat, long userId, String role, Instant now) {
        long readPosition = chat.lastMessageId() == null ? 0 : chat.lastMessageId();
        return new ChatMember(null, chat.id(), userId, role, now, readPosition, 0, null);
    }
}
