package app.parley.model.chat;

/** Seed 002's {@code {"status": "ok", "chat": {"id": 1}}}; {@code chat} carries the whole room. */
public record PrivateChatResponse(String status, ChatRoom chat) {}
