package app.parley.model.chat;

/**
 * Seed 001's answer to {@code GET /api/v1/chats/{chat_id}/connect/}: where to open the chat's
 * WebSocket ({@code ws://host/ws/chat/{chat_id}/}), built from the host the client used.
 */
public record SocketUrl(String url, long chatId, String roomName) {}
