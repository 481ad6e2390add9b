package app.parley.model.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Seed 002's {@code {"status": "ok", "chat": {"id": 1}}}; {@code chat} carries the whole room. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrivateChatResponse(String status, ChatRoom chat) {}
