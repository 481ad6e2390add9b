package app.parley.server.ratelimits;

import app.parley.server.errors.TooManyRequestsException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing, per account and per client address, as Synapse's {@code rc_login}
 * does: a few failures cost nothing, then each one makes the next attempt wait, twice as long as
 * the last, up to a cap; an attempt before then is refused with 429 and {@code Retry-After}
 * without the password being looked at. A success clears the account's failures. Each attempt is
 * counted as a failure before the password is checked and taken back if it was right, so that
 * attempts sent all at once cannot slip past the count.
 */
@Singleton
public class LoginThrottle {
    private record Failures(int count, Instant waitUntil) {}

    private final RateLimitSettings settings;
    private final Clock clock;
    private final Cache<String, Failures> byAccount;
    private final Cache<String, Failures> byAddress;

    LoginThrottle(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.byAccount = cache(settings, clock);
        this.byAddress = cache(settings, clock);
    }

    private static Cache<String, Failures> cache(RateLimitSettings settings, Clock clock) {
        return Caffeine.newBuilder()
                .expireAfterWrite(settings.loginForgetAfter())
                .maximumSize(200_000)
                .ticker(TimeMeters.of(clock)::currentTimeNanos)
                .build();
    }

    /**
     * An attempt to sign in to {@code account} (the account's id when the name names one, else the
     * name as typed, normalised by the caller, so that a name and an e-mail address of one account
     * share their count):
     * refused while the account or the address must wait, else counted until {@link #succeeded}.
     */
    public void attempt(String account, ClientAddress from) {
        Instant now = clock.instant();
        // Checked and counted in one step each: attempts sent all at once are counted one by one.
        byAccount.asMap().compute(account, (key, failures) -> {
            refuseWhileWaiting(failures, now, "this account");
            return failed(failures, settings.loginFreeFailures(), now);
        });
        if (!(settings.trustLoopback() && from.loopback())) {
            byAddress.asMap().compute(from.ip(), (key, failures) -> {
                refuseWhileWaiting(failures, now, "this address");
                return failed(failures, settings.loginFreeFailuresPerAddress(), now);
            });
        }
    }

    /**
     * The password was right: the account's failures are forgotten, and this attempt is not one of
     * the address's (whose wait, earned by other failures, stays).
     */
    public void succeeded(String account, ClientAddress from) {
        byAccount.invalidate(account);
        if (!(settings.trustLoopback() && from.loopback())) {
            byAddress
                    .asMap()
                    .computeIfPresent(
                            from.ip(),
                            (key, failures) -> failures.count() <= 1
                                    ? null
                                    : new Failures(failures.count() - 1, failures.waitUntil()));
        }
    }

    private Failures failed(Failures before, int free, Instant now) {
        int count = before == null ? 1 : before.count() + 1;
        return new Failures(count, now.plus(delayAfter(count, free)));
    }

    /** Nothing for the free failures, then the first delay, doubling each time, up to the cap. */
    Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = settings.loginFirstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.loginMaxDelay()) > 0 ? settings.loginMaxDelay() : delay;
    }

    private static void refuseWhileWaiting(Failures failures, Instant now, String who) {
        if (failures != null && now.isBefore(failures.waitUntil())) {
            Duration wait = Duration.between(now, failures.waitUntil());
            throw new TooManyRequestsException(
                    "too many failed sign-ins to " + who + "; try again in "
                            + Math.max(1, (wait.toMillis() + 999) / 1000) + " s",
                    wait);
        }
    }
}
