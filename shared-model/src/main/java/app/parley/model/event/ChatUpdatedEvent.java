package app.parley.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A group's name, description, photo or owner changed; the frame carries all of them as they now
 * are, so a client replaces what it shows. {@code photoUrl} is null when the group has no photo;
 * the URL stays the same when the photo is replaced, so a client fetches it again on every frame.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatUpdatedEvent(String type, long chatId, String name, String description, String photoUrl, Long ownerId)
        implements ServerEvent {

    public static ChatUpdatedEvent of(long chatId, String name, String description, String photoUrl, Long ownerId) {
        return new ChatUpdatedEvent(EventTypes.CHAT_UPDATED, chatId, name, description, photoUrl, ownerId);
    }
}
