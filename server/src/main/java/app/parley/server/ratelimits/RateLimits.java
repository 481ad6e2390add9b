package app.parley.server.ratelimits;

import app.parley.server.errors.TooManyRequestsException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-person and per-address limits, as token buckets (Bucket4j) held in memory. A person's
 * limits count everything they do through HTTP and every socket together, because the services
 * ask here whichever way the request came. A refusal is a 429 ({@code error rate_limited} on a
 * socket) that says how long to wait.
 */
@Singleton
public class RateLimits {
    private static final long MEGABYTE = 1024L * 1024;

    private enum Kind {
        MESSAGES,
        TYPING,
        UPLOADS,
        UPLOAD_BYTES,
        INVITES,
        INVITE_ACCEPTANCES,
        REGISTRATIONS
    }

    private record Key(Kind kind, Object who) {}

    private final RateLimitSettings settings;
    private final TimeMeter time;
    /** Idle buckets are full again after their period: forgetting them after the longest loses nothing. */
    private final Cache<Key, Bucket> buckets;

    RateLimits(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.time = TimeMeters.of(clock);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(2))
                .maximumSize(500_000)
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** One message sent by the person, however it was sent. */
    public void message(long userId) {
        take(Kind.MESSAGES, userId, 1, settings.messagesPerMinute(), Duration.ofMinutes(1), "messages");
    }

    /** Gives back a message's place in the person's budget: it was refused or rolled back, not stored. */
    public void messageNotStored(long userId) {
        Bucket bucket = buckets.getIfPresent(new Key(Kind.MESSAGES, userId));
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** One {@code typing} frame. */
    public void typing(long userId) {
        take(Kind.TYPING, userId, 1, settings.typingPerMinute(), Duration.ofMinutes(1), "typing notices");
    }

    /** A file about to be uploaded (its size is checked once it is known, by {@link #uploaded}). */
    public void upload(long userId) {
        take(Kind.UPLOADS, userId, 1, settings.uploadsPerMinute(), Duration.ofMinutes(1), "uploads");
    }

    /** The bytes of a file just received. */
    public void uploaded(long userId, long bytes) {
        take(
                Kind.UPLOAD_BYTES,
                userId,
                Math.max(1, bytes),
                settings.uploadMegabytesPerHour() * MEGABYTE,
                Duration.ofHours(1),
                "uploaded bytes");
    }

    /** An invite link created. */
    public void invite(long userId) {
        take(Kind.INVITES, userId, 1, settings.invitesPerHour(), Duration.ofHours(1), "invite links");
    }

    /** An invite token tried, by this person and from this address: tokens cannot be guessed at speed. */
    public void inviteAcceptance(long userId, ClientAddress from) {
        take(
                Kind.INVITE_ACCEPTANCES,
                userId,
                1,
                settings.inviteAcceptancesPerHour(),
                Duration.ofHours(1),
                "invite acceptances");
        if (!trusted(from)) {
            take(
                    Kind.INVITE_ACCEPTANCES,
                    from.ip(),
                    1,
                    settings.inviteAcceptancesPerHour(),
                    Duration.ofHours(1),
                    "invite acceptances from this address");
        }
    }

    /** An account registered from this address. */
    public void registration(ClientAddress from) {
        if (!trusted(from)) {
            take(
                    Kind.REGISTRATIONS,
                    from.ip(),
                    1,
                    settings.registrationsPerHour(),
                    Duration.ofHours(1),
                    "registrations from this address");
        }
    }

    private boolean trusted(ClientAddress from) {
        return settings.trustLoopback() && from.loopback();
    }

    private void take(Kind kind, Object who, long tokens, long capacity, Duration period, String what) {
        Bucket bucket = buckets.get(
                new Key(kind, who),
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .withCustomTimePrecision(time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyRequestsException(
                    "too many " + what + " (at most " + describe(capacity, period, kind) + "); try again in "
                            + Math.max(1, wait.toSeconds()) + " s",
                    wait);
        }
    }

    private static String describe(long capacity, Duration period, Kind kind) {
        long amount = kind == Kind.UPLOAD_BYTES ? capacity / MEGABYTE : capacity;
        String unit = kind == Kind.UPLOAD_BYTES ? " MB" : "";
        return amount + unit + (period.toHours() >= 1 ? " an hour" : " a minute");
    }
}
