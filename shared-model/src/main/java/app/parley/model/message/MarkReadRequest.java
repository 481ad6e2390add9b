package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Seed 001's mark-read body ({@code room_name}, informational). Without {@code up_to_message_id}
 * everything sent until now is read; with it, messages up to and including that id.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MarkReadRequest(String roomName, Long upToMessageId) {}
