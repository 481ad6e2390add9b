package app.parley.model.message;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * How far every member of a chat has read, in the order they joined: what a client needs to show
 * "read by N" under its own messages. The chat's {@code read} frames say when a position moves.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReadPositions(long chatId, List<Position> positions) {

    /** One member's read position: everything up to {@code last_read_message_id} is read. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Position(UserRef user, long lastReadMessageId) {}
}
