package app.parley.model.event;

import app.parley.model.message.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Seed 002's {@code history}: sent first on every chat socket, oldest message first. It carries
 * {@code error} only when there are no messages, as the seed shows. After a reconnect
 * ({@code after_id}) it holds the messages the client missed after that id; {@code has_more}
 * says another {@code catch_up} is needed to get the rest.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HistoryEvent(
        String type,
        long chatId,
        List<Message> messages,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long afterId,
        boolean hasMore,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error)
        implements ServerEvent {

    public static final String NO_MESSAGES = "no messages";

    public static HistoryEvent of(long chatId, List<Message> messages, Long afterId, boolean hasMore) {
        return new HistoryEvent(
                EventTypes.HISTORY,
                chatId,
                List.copyOf(messages),
                afterId,
                hasMore,
                messages.isEmpty() ? NO_MESSAGES : null);
    }
}
