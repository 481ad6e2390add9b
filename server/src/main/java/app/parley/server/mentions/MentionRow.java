package app.parley.server.mentions;

import io.micronaut.core.annotation.Introspected;

/** A mention with the mentioned member's display names. */
@Introspected
public record MentionRow(long messageId, long userId, String userName, String userUsername) {}
