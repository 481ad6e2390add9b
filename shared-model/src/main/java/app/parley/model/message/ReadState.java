package app.parley.model.message;

import java.time.Instant;

/** A member's read position in one chat. */
public record ReadState(String status, long chatId, long lastReadMessageId, long unreadCount, Instant lastSeen) {}
