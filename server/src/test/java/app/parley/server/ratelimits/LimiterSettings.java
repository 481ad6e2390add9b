package app.parley.server.ratelimits;

import java.time.Duration;

/** Settings for the limiters' own tests: the defaults of application.yml, with a few changed. */
final class LimiterSettings {
    private LimiterSettings() {}

    static RateLimitSettings defaults() {
        return new RateLimitSettings(
                true,
                3000,
                300,
                60,
                4096,
                60,
                60,
                30,
                5,
                20,
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofHours(1));
    }

    static RateLimitSettings untrustedLoopback() {
        RateLimitSettings d = defaults();
        return new RateLimitSettings(
                false,
                d.messagesPerMinute(),
                d.typingPerMinute(),
                d.uploadsPerMinute(),
                d.uploadMegabytesPerHour(),
                d.invitesPerHour(),
                d.inviteAcceptancesPerHour(),
                d.registrationsPerHour(),
                d.loginFreeFailures(),
                d.loginFreeFailuresPerAddress(),
                d.loginFirstDelay(),
                d.loginMaxDelay(),
                d.loginForgetAfter());
    }
}
