package app.parley.server.ratelimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.server.errors.TooManyRequestsException;
import app.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sign-in throttle with its clock in the test's hand: free failures, doubling waits, the cap, and resets. */
class LoginThrottleTest {
    private static final ClientAddress LAPTOP = new ClientAddress("192.168.1.20", false);
    private static final ClientAddress ELSEWHERE = new ClientAddress("192.168.1.77", false);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(LimiterSettings.untrustedLoopback(), clock);

    /** An attempt whose password was wrong. */
    private void fail(String account, ClientAddress from) {
        throttle.attempt(account, from);
    }

    @Test
    void fiveFailuresAreFreeThenEachWaitDoublesUpToFiveMinutes() {
        for (int i = 0; i < 5; i++) {
            fail("anna", LAPTOP);
        }
        fail("anna", LAPTOP); // the sixth is looked at, and the next must wait a second
        assertWait(1, () -> throttle.attempt("anna", LAPTOP));
        clock.advance(Duration.ofSeconds(1));
        fail("anna", LAPTOP);
        assertWait(2, () -> throttle.attempt("anna", LAPTOP));
        clock.advance(Duration.ofSeconds(2));
        fail("anna", LAPTOP);
        assertWait(4, () -> throttle.attempt("anna", LAPTOP));
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(5));
            fail("anna", LAPTOP);
        }
        assertWait(300, () -> throttle.attempt("anna", LAPTOP));
    }

    @Test
    void aRefusedAttemptDoesNotCountAndARightPasswordClearsTheAccount() {
        for (int i = 0; i < 6; i++) {
            fail("boris", LAPTOP);
        }
        assertWait(1, () -> throttle.attempt("boris", LAPTOP));
        assertWait(1, () -> throttle.attempt("boris", LAPTOP)); // refused ones do not make it longer
        clock.advance(Duration.ofSeconds(1));
        throttle.attempt("boris", LAPTOP);
        throttle.succeeded("boris", LAPTOP);
        for (int i = 0; i < 6; i++) {
            fail("boris", LAPTOP); // five free again, as if nothing had happened
        }
        assertWait(1, () -> throttle.attempt("boris", LAPTOP));
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() {
        for (int i = 0; i < 21; i++) {
            fail("user" + i, LAPTOP);
        }
        assertWait(1, () -> throttle.attempt("someone-new", LAPTOP));
        throttle.attempt("someone-new", ELSEWHERE); // another address is not held up
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            fail("clara", LAPTOP);
        }
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 6; i++) {
            fail("clara", LAPTOP);
        }
        assertWait(1, () -> throttle.attempt("clara", LAPTOP));
    }

    @Test
    void theSameMachineIsSparedTheAddressLimitWhenLoopbackIsTrusted() {
        var trusting = new LoginThrottle(LimiterSettings.defaults(), clock);
        var here = new ClientAddress("127.0.0.1", true);
        for (int i = 0; i < 50; i++) {
            trusting.attempt("name" + i, here);
        }
        for (int i = 0; i < 6; i++) {
            trusting.attempt("dora", here);
        }
        assertWait(1, () -> trusting.attempt("dora", here)); // the account's own limit still holds
    }

    /**
     * The figure the docs give: how many guesses one attacker gets against one account in an hour,
     * and then per hour, with the defaults and attempts sent as fast as they are allowed.
     */
    @Test
    void anAttackerGetsAboutTwentyFourGuessesInTheFirstHourAndTwelveAnHourAfter() {
        int firstHour = guessesWithin(Duration.ofHours(1));
        int secondHour = guessesWithin(Duration.ofHours(1));
        System.out.printf(
                "login throttle: %d guesses at one account in the first hour, %d in the second%n",
                firstHour, secondHour);
        assertEquals(25, firstHour);
        assertEquals(12, secondHour);
    }

    private int guessesWithin(Duration window) {
        Instant end = clock.instant().plus(window);
        int guesses = 0;
        while (clock.instant().isBefore(end)) {
            try {
                throttle.attempt("target", LAPTOP);
                guesses++;
            } catch (TooManyRequestsException refused) {
                clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));
            }
        }
        return guesses;
    }

    private static void assertWait(long seconds, org.junit.jupiter.api.function.Executable attempt) {
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, attempt);
        assertEquals(seconds, refused.retryAfterSeconds(), refused.getMessage());
        assertEquals(429, refused.status().getCode());
        assertEquals("rate_limited", refused.code());
    }
}
