package app.parley.model.event;

import app.parley.model.chat.ChatType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A chat the member now belongs to appeared (a new private chat or group), for their chat list. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCreatedEvent(String type, long chatId, String uuid, String name, ChatType chatType, String roomName)
        implements ServerEvent {

    public static ChatCreatedEvent of(long chatId, String uuid, String name, ChatType chatType, String roomName) {
        return new ChatCreatedEvent(EventTypes.CHAT_CREATED, chatId, uuid, name, chatType, roomName);
    }
}
