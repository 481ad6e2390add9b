package app.parley.model.event;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A delivery receipt: one of {@code user}'s devices has received the chat's messages up to
 * {@code last_delivered_message_id}. Debounced on the server, so one frame may stand for many messages.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveredEvent(String type, long chatId, UserRef user, long lastDeliveredMessageId)
        implements ServerEvent {

    public static DeliveredEvent of(long chatId, UserRef user, long lastDeliveredMessageId) {
        return new DeliveredEvent(EventTypes.DELIVERED, chatId, user, lastDeliveredMessageId);
    }
}
