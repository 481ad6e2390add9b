package app.parley.server.ratelimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.errors.TooManyRequestsException;
import app.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The token buckets with the test's clock: a burst of the whole amount, then the steady rate, per person. */
class RateLimitsTest {
    private static final long MB = 1024 * 1024;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final RateLimits limits = new RateLimits(LimiterSettings.untrustedLoopback(), clock);

    @Test
    void aPersonSendsAMinutesWorthAtOnceThenFiftyASecond() {
        for (int i = 0; i < 3000; i++) {
            limits.message(7);
        }
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> limits.message(7));
        assertEquals(1, refused.retryAfterSeconds(), "the next token is 20 ms away: a second, rounded up");
        assertTrue(refused.getMessage().contains("3000 a minute"), refused.getMessage());
        limits.message(8); // someone else is not held up

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            limits.message(7);
        }
        assertThrows(TooManyRequestsException.class, () -> limits.message(7));
    }

    @Test
    void uploadsCountFilesAndBytes() {
        limits.upload(7);
        limits.uploaded(7, 4000 * MB);
        TooManyRequestsException refused =
                assertThrows(TooManyRequestsException.class, () -> limits.uploaded(7, 200 * MB));
        assertTrue(refused.getMessage().contains("4096 MB an hour"), refused.getMessage());
        clock.advance(Duration.ofMinutes(5)); // 5/60 of 4096 MB back, about 341 MB
        limits.uploaded(7, 200 * MB);

        for (int i = 1; i < 60; i++) {
            limits.upload(9);
        }
        limits.upload(9);
        assertThrows(TooManyRequestsException.class, () -> limits.upload(9));
    }

    @Test
    void registrationsAreCountedPerAddressExceptFromThisMachineWhenItIsTrusted() {
        var lan = new ClientAddress("10.0.0.5", false);
        for (int i = 0; i < 30; i++) {
            limits.registration(lan);
        }
        assertThrows(TooManyRequestsException.class, () -> limits.registration(lan));
        limits.registration(new ClientAddress("10.0.0.6", false));

        var trusting = new RateLimits(LimiterSettings.defaults(), clock);
        var here = new ClientAddress("127.0.0.1", true);
        for (int i = 0; i < 100; i++) {
            trusting.registration(here);
        }
    }

    @Test
    void inviteTokensAreTriedAtMostSixtyTimesAnHourByOnePersonOrFromOneAddress() {
        var lan = new ClientAddress("10.0.0.5", false);
        for (int i = 0; i < 60; i++) {
            limits.inviteAcceptance(i, lan); // sixty people behind one address
        }
        assertThrows(TooManyRequestsException.class, () -> limits.inviteAcceptance(100, lan));
        var other = new ClientAddress("10.0.0.9", false);
        for (int i = 1; i < 60; i++) {
            limits.inviteAcceptance(0, other);
        }
        assertThrows(TooManyRequestsException.class, () -> limits.inviteAcceptance(0, other), "the person's own limit");
    }
}
