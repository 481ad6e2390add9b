package app.parley.server.messages;

import app.parley.model.account.UserRef;
import app.parley.model.event.DeliveredEvent;
import app.parley.server.accounts.AccountService;
import app.parley.server.events.RealtimeEvents;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each member's devices have received each chat: the highest message id written to one of
 * their sockets or read in a history page. Held in memory, because it moves for every member on
 * every message; the chats' sockets hear of it in debounced {@code delivered} frames and the
 * database gets it in batches. A restart may lose the last batch: a message then shows as sent
 * rather than delivered until it is read or fetched again, which is the cheap side to err on.
 *
 * <p>Memory holds at most {@code parley.delivered.remembered} members' positions, the least recently
 * moved forgotten first: a forgotten position is still in the database (or in the batch on its way
 * there), and a member heard of again is announced once more, which clients take as a no-op.
 */
@Singleton
public class DeliveredPositions {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveredPositions.class);

    private record Member(long chatId, long userId) {}

    private final Cache<Member, Long> remembered;
    /**
     * Who the announced members are, as frames name them: asked of the database once a while,
     * not for every announcement (a thousand members moved 5 times a second was a tenth of the
     * server's allocation). A renamed person's frames carry the old name for up to a minute;
     * clients know members by id.
     */
    private final Cache<Long, UserRef> people = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    private final Map<Member, Long> highest;
    private final Map<Member, Long> unannounced = new ConcurrentHashMap<>();
    private final Map<Member, Long> unwritten = new ConcurrentHashMap<>();
    private final AtomicBoolean announcing = new AtomicBoolean();
    private final AtomicBoolean writing = new AtomicBoolean();

    private final DeliveredRepository stored;
    private final AccountService accounts;
    private final RealtimeEvents events;
    private final TransactionOperations<Connection> transactions;
    private final TaskScheduler scheduler;
    private final DeliveredSettings settings;

    public DeliveredPositions(
            DeliveredRepository stored,
            AccountService accounts,
            RealtimeEvents events,
            TransactionOperations<Connection> transactions,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            DeliveredSettings settings) {
        this.stored = stored;
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.settings = settings;
        // Eviction on the caller's thread: no pool of its own for a map this cheap to trim.
        this.remembered = Caffeine.newBuilder()
                .maximumSize(settings.remembered())
                .executor(Runnable::run)
                .build();
        this.highest = remembered.asMap();
    }

    /**
     * One of the member's devices has received the chat's messages up to {@code messageId}. Cheap
     * and non-blocking: called for every message written to every socket.
     */
    public void reached(long chatId, long userId, long messageId) {
        Member member = new Member(chatId, userId);
        Long before = highest.get(member);
        if (before != null && before >= messageId) {
            return;
        }
        if (highest.merge(member, messageId, Math::max) != messageId) {
            return;
        }
        unannounced.merge(member, messageId, Math::max);
        unwritten.merge(member, messageId, Math::max);
        if (announcing.compareAndSet(false, true)) {
            later(settings.frameDelay(), this::announce);
        }
        if (writing.compareAndSet(false, true)) {
            later(settings.writeDelay(), this::write);
        }
    }

    /**
     * Scheduled without the caller's propagated context: that may hold the caller's transaction,
     * whose connection is closed by the time the task runs.
     */
    private void later(Duration delay, Runnable task) {
        PropagatedContext.Scope outside = PropagatedContext.empty().propagate();
        try {
            scheduler.schedule(delay, task);
        } finally {
            outside.close();
        }
    }

    /** Each member's delivered position in the chat, by user id, never below what they have read. */
    public Map<Long, Long> of(long chatId, Map<Long, Long> readPositions) {
        Map<Long, Long> positions = new HashMap<>(readPositions);
        for (DeliveredRow row : stored.findDelivered(chatId)) {
            positions.computeIfPresent(row.userId(), (user, read) -> Math.max(read, row.lastDeliveredMessageId()));
        }
        positions.replaceAll((user, position) -> {
            Member member = new Member(chatId, user);
            // A position forgotten from memory may still be on its way to the database.
            return Math.max(position, Math.max(highest.getOrDefault(member, 0L), unwritten.getOrDefault(member, 0L)));
        });
        return positions;
    }

    /** Tells each chat's sockets, other than the member's own, how far the member's devices have received. */
    private void announce() {
        announcing.set(false);
        Map<Member, Long> batch = drain(unannounced);
        if (batch.isEmpty()) {
            return;
        }
        try {
            Map<Long, UserRef> named = people.getAll(
                    batch.keySet().stream().map(Member::userId).distinct().toList(),
                    missing -> accounts.byIds(List.copyOf(missing)).entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, entry -> entry.getValue().toRef())));
            batch.forEach((member, messageId) -> {
                UserRef person = named.get(member.userId());
                if (person != null) {
                    events.toRoomExcept(
                            member.chatId(), member.userId(), DeliveredEvent.of(member.chatId(), person, messageId));
                }
            });
        } catch (RuntimeException e) {
            // Receipts are a nicety: a failed announcement must not stop later ones.
            LOG.warn("Could not announce {} delivered positions", batch.size(), e);
        }
    }

    private void write() {
        writing.set(false);
        Map<Member, Long> batch = drain(unwritten);
        if (batch.isEmpty()) {
            return;
        }
        try {
            transactions.executeWrite(status -> {
                batch.forEach((member, messageId) -> stored.raise(member.chatId(), member.userId(), messageId));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} delivered positions; they stay in memory", batch.size(), e);
        }
    }

    private static Map<Member, Long> drain(Map<Member, Long> pending) {
        Map<Member, Long> batch = new HashMap<>();
        for (Member member : List.copyOf(pending.keySet())) {
            Long messageId = pending.remove(member);
            if (messageId != null) {
                batch.put(member, messageId);
            }
        }
        return batch;
    }

    /** How many members' positions memory holds now. */
    long rememberedCount() {
        remembered.cleanUp();
        return remembered.estimatedSize();
    }

    /** What has not been written yet is written before the server stops. */
    @PreDestroy
    void stop() {
        write();
    }
}
