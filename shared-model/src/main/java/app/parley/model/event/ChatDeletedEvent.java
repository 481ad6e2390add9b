package app.parley.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A chat or group was deleted; chat sockets of it close right after this frame. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatDeletedEvent(String type, long chatId) implements ServerEvent {

    public static ChatDeletedEvent of(long chatId) {
        return new ChatDeletedEvent(EventTypes.CHAT_DELETED, chatId);
    }
}
