package app.parley.server.reactions;

import io.micronaut.core.annotation.Introspected;

/** A reaction with its member's display names, in the order reactions were added. */
@Introspected
public record ReactionRow(long messageId, String emoji, long userId, String userName, String userUsername) {}
