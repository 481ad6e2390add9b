package app.parley.server.invites;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Bounds on invites, configurable under {@code parley.invites}; defaults live in application.yml.
 *
 * @param maxUsesLimit the largest {@code max_uses} an invite may have
 * @param maxLifetime  the furthest in the future an invite may expire (invites without expiry are allowed)
 * @param linkAddress  where others reach this server ({@code https://host:port}), for the web
 *                     links of invites; empty: the address the caller used
 */
@ConfigurationProperties("parley.invites")
public record InviteSettings(int maxUsesLimit, Duration maxLifetime, String linkAddress) {}
