package app.parley.server.realtime;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;
import app.parley.model.event.ServerEvent;
import app.parley.model.event.TypingEvent;
import app.parley.server.chats.ChatService;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.ratelimits.RateLimits;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is typing where. Relays {@code typing} to the other members (their chat sockets and main
 * sockets) when someone starts, and again every {@code typing-refresh} while they go on, so
 * sockets that open meanwhile learn of it. Emits {@code stop_typing} itself when a typer is
 * silent for {@code typing-timeout}, sends a message, or closes the socket they typed on.
 */
@Singleton
class TypingTracker {
    private static final Logger LOG = LoggerFactory.getLogger(TypingTracker.class);

    private record Key(long chatId, long userId) {}

    private record Typing(String connectionId, UserRef user, Instant expires, Instant announced) {}

    private final Map<Key, Typing> typing = new ConcurrentHashMap<>();
    private final ChatService chats;
    private final RealtimeEvents events;
    private final RealtimeSettings settings;
    private final Clock clock;
    private final ScheduledFuture<?> sweeper;
    private final RateLimits rateLimits;

    TypingTracker(
            ChatService chats,
            RealtimeEvents events,
            RealtimeSettings settings,
            Clock clock,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.chats = chats;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        Duration every = settings.typingTimeout().dividedBy(5);
        this.sweeper = scheduler.scheduleAtFixedRate(every, every, this::expire);
    }

    /** The user is typing in the chat (a member: the caller has checked). */
    void typing(String connectionId, long chatId, UserRef user) {
        rateLimits.typing(idOf(user));
        Instant now = clock.instant();
        Key key = new Key(chatId, idOf(user));
        Typing before = typing.get(key);
        boolean announce = before == null
                || !before.announced().plus(settings.typingRefresh()).isAfter(now);
        Instant announced = announce ? now : before.announced();
        typing.put(key, new Typing(connectionId, user, now.plus(settings.typingTimeout()), announced));
        if (announce) {
            relay(chatId, idOf(user), TypingEvent.typing(chatId, user));
        }
    }

    /** The user stopped (said so, or sent their message); announced only if they were typing. */
    void stopped(long chatId, UserRef user) {
        if (typing.remove(new Key(chatId, idOf(user))) != null) {
            relay(chatId, idOf(user), TypingEvent.stopped(chatId, user));
        }
    }

    /** A socket closed: whatever its user was typing through it has stopped. */
    void closed(String connectionId) {
        typing.forEach((key, state) -> {
            if (state.connectionId().equals(connectionId) && typing.remove(key, state)) {
                relay(key.chatId(), key.userId(), TypingEvent.stopped(key.chatId(), state.user()));
            }
        });
    }

    private void expire() {
        Instant now = clock.instant();
        typing.forEach((key, state) -> {
            if (!state.expires().isAfter(now) && typing.remove(key, state)) {
                try {
                    relay(key.chatId(), key.userId(), TypingEvent.stopped(key.chatId(), state.user()));
                } catch (RuntimeException e) {
                    // Thrown out of a periodic task, it would cancel every later sweep.
                    LOG.warn(
                            "Could not announce that user {} stopped typing in chat {}", key.userId(), key.chatId(), e);
                }
            }
        });
    }

    private void relay(long chatId, long typerId, ServerEvent event) {
        events.toRoomExcept(chatId, typerId, event);
        for (long memberId : chats.memberIds(chatId)) {
            if (memberId != typerId) {
                events.toInbox(memberId, event);
            }
        }
    }

    private static long idOf(UserRef user) {
        // The user of a connection, made from their account: always named by the integer id.
        if (user.id() instanceof IdRef.Numeric(long id)) {
            return id;
        }
        throw new IllegalArgumentException("a typing user must carry their integer id, not " + user.id());
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
    }
}
