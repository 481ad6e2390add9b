package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A member's read position in one chat. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReadState(String status, long chatId, long lastReadMessageId, long unreadCount, Instant lastSeen) {}
