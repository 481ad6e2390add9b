package app.parley.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code mention_count} on a member's main sockets: an edit started or stopped mentioning them
 * in a message they have not read, and this is their new count of unread mentions in the chat.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MentionCountEvent(String type, long chatId, long mentionCount) implements ServerEvent {

    public static MentionCountEvent of(long chatId, long mentionCount) {
        return new MentionCountEvent(EventTypes.MENTION_COUNT, chatId, mentionCount);
    }
}
