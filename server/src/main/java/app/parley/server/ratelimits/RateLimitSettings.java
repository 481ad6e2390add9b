package app.parley.server.ratelimits;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How much one person (or one client address) may do, under {@code parley.rate-limits}; defaults
 * live in application.yml. Each "per minute" or "per hour" limit is a token bucket that holds that
 * many and refills evenly over the period: a burst of the whole amount, then the steady rate.
 *
 * @param trustLoopback               limits by client address spare connections from this machine
 *                                    (the hosting app, a proxy in front, tools run by the admin):
 *                                    the LAN is what they guard against
 * @param messagesPerMinute           messages one person sends, over HTTP and every socket together
 * @param typingPerMinute             {@code typing} frames one person sends
 * @param uploadsPerMinute            files one person uploads (attachments and photos)
 * @param uploadMegabytesPerHour      megabytes of them
 * @param invitesPerHour              invite links one person creates
 * @param inviteAcceptancesPerHour    invite tokens one person, and one address, tries
 * @param registrationsPerHour        accounts registered from one address
 * @param loginFreeFailures           failed sign-ins to one account that cost nothing
 * @param loginFreeFailuresPerAddress failed sign-ins from one address, whatever the accounts
 * @param loginFirstDelay             the wait after the first failure past the free ones; it doubles with each
 * @param loginMaxDelay               the longest wait
 * @param loginForgetAfter            failures are forgotten this long after the last one
 */
@ConfigurationProperties("parley.rate-limits")
public record RateLimitSettings(
        boolean trustLoopback,
        int messagesPerMinute,
        int typingPerMinute,
        int uploadsPerMinute,
        int uploadMegabytesPerHour,
        int invitesPerHour,
        int inviteAcceptancesPerHour,
        int registrationsPerHour,
        int loginFreeFailures,
        int loginFreeFailuresPerAddress,
        Duration loginFirstDelay,
        Duration loginMaxDelay,
        Duration loginForgetAfter) {}
