package app.parley.model.chat;

import java.util.List;

/** Seed 002's {@code {"rooms": [...]}}. */
public record ChatList(List<ChatRoom> rooms) {}
