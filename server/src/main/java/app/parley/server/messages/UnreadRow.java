package app.parley.server.messages;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

@Introspected
public record UnreadRow(long chatId, String kind, @Nullable String pairKey, long unreadCount, long mentionCount) {}
