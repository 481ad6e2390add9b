package app.parley.model.chat;

import app.parley.model.account.UserRef;
import app.parley.model.message.Message;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One entry of the caller's chat list: seed 002's ChatRoom ({@code id, name, type,
 * last_message}) with what seed 001 adds ({@code room_name}, the other user of a private chat)
 * and the caller's unread count.
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
        long unreadCount) {}
