package app.parley.model.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Seed 001's answer to {@code GET /api/v1/chats/{chat_id}/connect/}: where to open the chat's
 * WebSocket ({@code ws://host/ws/chat/{chat_id}/}), built from the host the client used.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SocketUrl(String url, long chatId, String roomName) {}
