package app.parley.server.messages;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How delivered receipts are batched, under {@code parley.delivered}; defaults live in application.yml.
 *
 * @param frameDelay   how long positions gather before the chats' sockets hear of them: a burst of
 *                     messages costs one {@code delivered} frame per member, not one per message
 * @param writeDelay   how long positions gather before they are written, in one transaction
 * @param remembered   how many members' positions are kept in memory (a chat's member is one); the
 *                     rest are read from the database when asked for
 */
@ConfigurationProperties("parley.delivered")
public record DeliveredSettings(Duration frameDelay, Duration writeDelay, int remembered) {}
