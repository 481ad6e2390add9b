package app.parley.server.mentions;

import io.micronaut.core.annotation.Introspected;

/** One member's count of unread mentions in a chat. */
@Introspected
public record MemberMentions(long userId, long mentionCount) {}
