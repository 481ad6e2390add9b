package app.parley.model.message;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * How far every member of a chat has received and read it, in the order they joined: what a client
 * needs to show "delivered" and "read by N" under its own messages. The chat's {@code delivered}
 * and {@code read} frames say when a position moves.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReadPositions(long chatId, List<Position> positions) {

    /**
     * One member's positions: everything up to {@code last_delivered_message_id} has reached one
     * of their devices, everything up to {@code last_read_message_id} is read (so delivered is
     * never below read).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Position(UserRef user, long lastReadMessageId, long lastDeliveredMessageId) {}
}
