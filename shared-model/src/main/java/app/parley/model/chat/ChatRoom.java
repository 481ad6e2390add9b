package app.parley.model.chat;

import app.parley.model.account.UserRef;
import app.parley.model.message.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One entry of the caller's chat list: seed 002's ChatRoom ({@code id, name, type,
 * last_message}) with what seed 001 adds ({@code room_name}, the other user of a private chat)
 * and the caller's unread count, and (only when there are some) how many of those unread
 * messages mention the caller, so a chat without mentions keeps the seeds' shape; {@code muted}
 * (with {@code muted_until} unless it is until unmuted) when the caller has muted it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatRoom(
        long id,
        String uuid,
        String name,
        ChatType type,
        String roomName,
        UserRef otherUser,
        Message lastMessage,
        long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long mentionCount,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean muted,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant mutedUntil) {

    /** A chat the reader has not muted. */
    public ChatRoom(
            long id,
            String uuid,
            String name,
            ChatType type,
            String roomName,
            UserRef otherUser,
            Message lastMessage,
            long unreadCount,
            long mentionCount) {
        this(id, uuid, name, type, roomName, otherUser, lastMessage, unreadCount, mentionCount, false, null);
    }

    /** Whether the reader has muted the chat and the mute still holds at {@code now}. */
    public boolean mutedAt(Instant now) {
        return muted && (mutedUntil == null || mutedUntil.isAfter(now));
    }

    /** A chat whose unread messages mention the reader nowhere. */
    public ChatRoom(
            long id,
            String uuid,
            String name,
            ChatType type,
            String roomName,
            UserRef otherUser,
            Message lastMessage,
            long unreadCount) {
        this(id, uuid, name, type, roomName, otherUser, lastMessage, unreadCount, 0);
    }
}
