package app.parley.server.presence;

import app.parley.model.event.PresenceEvent;
import app.parley.model.presence.PresenceStatus;
import app.parley.model.presence.UserPresence;
import app.parley.server.events.RealtimeEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is there, from the sockets open on this server. A person is online while any of their
 * sockets is open, away when every main socket they have open reports its app idle (a chat
 * socket alone, as a seed client opens, says nothing about idleness), offline when none is open.
 *
 * <p>What their contacts hear is debounced: a change is announced at most once per
 * {@code min-interval}, and going offline only after {@code offline-grace}, announcing the state
 * as it is then. A connection that flaps costs nothing, or one frame per interval, however fast
 * it flaps; and the last state is always announced.
 */
@Singleton
public class PresenceTracker {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceTracker.class);

    private record Socket(long userId, boolean main) {}

    /** One person's sockets and what was last announced about them. Guarded by itself. */
    private static final class Person {
        int open;
        /** Main socket id → whether its app reported its person away. */
        final Map<String, Boolean> mains = new HashMap<>();

        PresenceStatus announced = PresenceStatus.OFFLINE;
        Instant announcedAt = Instant.EPOCH;
        /** When their last socket closed during this run; null while they have not been seen. */
        @Nullable
        Instant lastSeen;

        @Nullable
        ScheduledFuture<?> pending;

        PresenceStatus actual() {
            if (open == 0) {
                return PresenceStatus.OFFLINE;
            }
            boolean allAway = !mains.isEmpty() && !mains.containsValue(false);
            return allAway ? PresenceStatus.AWAY : PresenceStatus.ONLINE;
        }
    }

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<Long, Person> people = new ConcurrentHashMap<>();
    private final PresenceRepository stored;
    private final TransactionOperations<Connection> transactions;
    private final RealtimeEvents events;
    private final PresenceSettings settings;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final ScheduledFuture<?> saving;
    private volatile boolean stopped;

    PresenceTracker(
            PresenceRepository stored,
            TransactionOperations<Connection> transactions,
            RealtimeEvents events,
            PresenceSettings settings,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            Clock clock) {
        this.stored = stored;
        this.transactions = transactions;
        this.events = events;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.saving =
                scheduler.scheduleAtFixedRate(settings.saveInterval(), settings.saveInterval(), this::saveThoseOnline);
    }

    /** A socket of the user opened (a main socket, or a chat socket). */
    public void connected(String socketId, long userId, boolean main) {
        // The person first: a close racing this opening always finds them.
        Person person = people.computeIfAbsent(userId, id -> new Person());
        synchronized (person) {
            if (sockets.putIfAbsent(socketId, new Socket(userId, main)) != null) {
                return;
            }
            person.open++;
            if (main) {
                person.mains.put(socketId, false);
            }
            changed(userId, person);
        }
    }

    /** A socket closed; one that never counted (or was counted out already) changes nothing. */
    public void disconnected(String socketId) {
        Socket socket = sockets.get(socketId);
        if (socket == null) {
            return;
        }
        Person person = people.get(socket.userId());
        synchronized (person) {
            if (sockets.remove(socketId) == null) {
                return; // counted out already, by a close racing this one
            }
            person.open--;
            person.mains.remove(socketId);
            if (person.open == 0) {
                person.lastSeen = clock.instant();
            }
            changed(socket.userId(), person);
        }
    }

    /** A main socket's app says whether its person is there ({@code away} false) or idle. */
    public void reported(String socketId, boolean away) {
        Socket socket = sockets.get(socketId);
        if (socket == null || !socket.main()) {
            return;
        }
        Person person = people.get(socket.userId());
        synchronized (person) {
            if (person.mains.containsKey(socketId)) {
                person.mains.put(socketId, away);
                changed(socket.userId(), person);
            }
        }
    }

    /**
     * The user's presence as their contacts were last told, with {@code storedLastSeen} (from the
     * database) as "last seen" unless this run has seen them since.
     */
    public UserPresence presenceOf(long userId, @Nullable Instant storedLastSeen) {
        Person person = people.get(userId);
        if (person == null) {
            return UserPresence.of(userId, PresenceStatus.OFFLINE, storedLastSeen);
        }
        synchronized (person) {
            Instant lastSeen = person.lastSeen;
            if (lastSeen == null || storedLastSeen != null && storedLastSeen.isAfter(lastSeen)) {
                lastSeen = storedLastSeen;
            }
            return UserPresence.of(userId, person.announced, lastSeen);
        }
    }

    /** Under the person's lock: schedules an announcement if what is true differs from what was said. */
    private void changed(long userId, Person person) {
        if (person.pending != null || person.actual() == person.announced) {
            return;
        }
        Instant now = clock.instant();
        Duration wait = Duration.between(now, person.announcedAt.plus(settings.minInterval()));
        if (person.actual() == PresenceStatus.OFFLINE && wait.compareTo(settings.offlineGrace()) < 0) {
            wait = settings.offlineGrace();
        }
        schedule(userId, person, wait.isNegative() ? Duration.ZERO : wait);
    }

    /** Under the person's lock. */
    private void schedule(long userId, Person person, Duration wait) {
        if (stopped) {
            return; // the server is stopping: its sockets close, and nobody is left to tell
        }
        try {
            person.pending = scheduler.schedule(wait, () -> announce(userId, person));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not announcing user {}: the scheduler has stopped", userId);
        }
    }

    /**
     * Decides under the person's lock what to announce, then writes and publishes outside it: a
     * socket closing (on an event loop) never waits for the database.
     */
    private void announce(long userId, Person person) {
        PresenceStatus now;
        Instant lastSeen;
        synchronized (person) {
            person.pending = null;
            now = person.actual();
            if (now == person.announced) {
                return;
            }
            Instant time = clock.instant();
            if (now == PresenceStatus.OFFLINE
                    && person.lastSeen != null
                    && person.lastSeen.plus(settings.offlineGrace()).isAfter(time)) {
                // Back and gone again since this was scheduled: the grace counts from the last close.
                schedule(userId, person, Duration.between(time, person.lastSeen.plus(settings.offlineGrace())));
                return;
            }
            person.announced = now;
            person.announcedAt = time;
            lastSeen = person.lastSeen;
        }
        try {
            if (now == PresenceStatus.OFFLINE && lastSeen != null) {
                transactions.executeWrite(status -> {
                    stored.saveSeen(userId, lastSeen);
                    return null;
                });
            }
            PresenceEvent event = PresenceEvent.of(UserPresence.of(userId, now, lastSeen));
            events.toPresenceWatchers(stored.contactIds(userId), event);
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task it would be lost; the next change announces again.
            LOG.warn("Could not announce that user {} is {}", userId, now.wireName(), e);
        }
    }

    /** Writes "now" as last seen for everyone online, so a killed server leaves it close to right. */
    private void saveThoseOnline() {
        Instant now = clock.instant();
        List<Long> online = people.entrySet().stream()
                .filter(entry -> {
                    synchronized (entry.getValue()) {
                        return entry.getValue().open > 0;
                    }
                })
                .map(Map.Entry::getKey)
                .toList();
        if (online.isEmpty()) {
            return;
        }
        try {
            transactions.executeWrite(status -> {
                online.forEach(userId -> stored.saveSeen(userId, now));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not write last seen for {} people online", online.size(), e);
        }
    }

    /** Everyone still online was seen now: the server stops and their sockets with it. */
    @PreDestroy
    void stop() {
        stopped = true;
        saving.cancel(false);
        Map<Long, Instant> leftJustNow = new HashMap<>();
        people.forEach((userId, person) -> {
            synchronized (person) {
                if (person.pending != null) {
                    person.pending.cancel(false);
                }
                // Gone within the grace, not yet announced: their last close is still worth keeping.
                if (person.open == 0 && person.lastSeen != null && person.announced != PresenceStatus.OFFLINE) {
                    leftJustNow.put(userId, person.lastSeen);
                }
            }
        });
        saveThoseOnline();
        if (!leftJustNow.isEmpty()) {
            try {
                transactions.executeWrite(status -> {
                    leftJustNow.forEach(stored::saveSeen);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not write last seen for {} people who just left", leftJustNow.size(), e);
            }
        }
    }
}
