package app.parley.server.messages;

import io.micronaut.core.annotation.Introspected;

/** One member's delivered position as last written to the database. */
@Introspected
public record DeliveredRow(long userId, long lastDeliveredMessageId) {}
