package app.parley.model.message;

/**
 * Seed 001's mark-read body ({@code room_name}, informational). Without {@code up_to_message_id}
 * everything sent until now is read; with it, messages up to and including that id.
 */
public record MarkReadRequest(String roomName, Long upToMessageId) {}
