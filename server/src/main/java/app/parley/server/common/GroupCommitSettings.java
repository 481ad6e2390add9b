package app.parley.server.common;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How writes are committed together, under {@code parley.writes}; defaults live in application.yml.
 *
 * @param maxBatch   the most writes one transaction takes; the rest make the next one
 * @param maxWait    a new write is refused ({@code 429 slow_down}) while the oldest waiting one has
 *                   waited longer than this: the server is storing less than it is sent
 * @param maxWaiting a new write is refused while this many wait, whatever their age
 */
@ConfigurationProperties("parley.writes")
public record GroupCommitSettings(int maxBatch, Duration maxWait, int maxWaiting) {}
