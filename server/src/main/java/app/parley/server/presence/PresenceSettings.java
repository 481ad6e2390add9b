package app.parley.server.presence;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How presence is announced, under {@code parley.presence}; defaults live in application.yml.
 *
 * @param offlineGrace  how long someone whose last socket closed has to come back before they are
 *                      announced offline: a reconnect within it costs nobody a frame
 * @param minInterval   at least this long between two announcements about one person, however
 *                      often their connection flaps
 * @param saveInterval  how often "last seen" is written for the people online, so that it is close
 *                      to right even after the server was killed
 */
@ConfigurationProperties("parley.presence")
public record PresenceSettings(Duration offlineGrace, Duration minInterval, Duration saveInterval) {}
