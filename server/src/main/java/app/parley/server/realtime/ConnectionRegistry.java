package app.parley.server.realtime;

import app.parley.server.events.Audience;
import app.parley.server.events.Delivery;
import app.parley.server.events.EventBus;
import app.parley.server.messages.DeliveredPositions;
import app.parley.server.presence.PresenceTracker;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets open on this node, by chat and by user, and the bus subscriber that hands each
 * delivery to the matching ones. Delivering never blocks: a socket only queues the frame. Every
 * socket registered counts its user as present ({@link PresenceTracker}) until it is removed.
 */
@Singleton
public class ConnectionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final Map<Long, Set<Connection>> byChat = new ConcurrentHashMap<>();
    private final Map<Long, Set<Connection>> mainByUser = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private final ScheduledFuture<?> pings;
    private final DeliveredPositions delivered;
    private final PresenceTracker presence;

    public ConnectionRegistry(
            EventBus bus,
            RealtimeSettings settings,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            DeliveredPositions delivered,
            PresenceTracker presence) {
        this.delivered = delivered;
        this.presence = presence;
        this.subscription = bus.subscribe(this::deliver);
        this.pings = scheduler.scheduleAtFixedRate(settings.pingInterval(), settings.pingInterval(), this::pingAll);
    }

    void add(Connection connection) {
        // Inside compute, so that a concurrent remove cannot drop the set this socket is being added to.
        indexOf(connection).compute(keyOf(connection), (k, sockets) -> {
            Set<Connection> set = sockets == null ? ConcurrentHashMap.<Connection>newKeySet() : sockets;
            set.add(connection);
            return set;
        });
        presence.connected(connection.id(), connection.userId(), connection.isMain());
    }

    void remove(Connection connection) {
        indexOf(connection).computeIfPresent(keyOf(connection), (k, sockets) -> {
            sockets.remove(connection);
            return sockets.isEmpty() ? null : sockets;
        });
        presence.disconnected(connection.id());
    }

    /** Main sockets are found by user, chat sockets by chat. */
    private Map<Long, Set<Connection>> indexOf(Connection connection) {
        return connection.isMain() ? mainByUser : byChat;
    }

    private static long keyOf(Connection connection) {
        return connection.isMain() ? connection.userId() : connection.chatId();
    }

    /** Every socket open on this node, chat and main. */
    private Stream<Connection> every() {
        return Stream.concat(byChat.values().stream(), mainByUser.values().stream())
                .flatMap(Set::stream);
    }

    /** How many sockets are open on this node (chat and main). */
    public int size() {
        return Stream.concat(byChat.values().stream(), mainByUser.values().stream())
                .mapToInt(Set::size)
                .sum();
    }

    /** The users with at least one socket open on this node (the hosting app asks before it stops). */
    public Set<Long> connectedUsers() {
        return every().map(Connection::userId).collect(Collectors.toUnmodifiableSet());
    }

    /** The sessions that have sockets open on this node. */
    Set<String> sessionIds() {
        return every().map(Connection::sessionId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Closes every socket of these sessions on this node. */
    void closeSessions(Set<String> sessionIds, int code, String reason) {
        if (sessionIds.isEmpty()) {
            return;
        }
        every().filter(connection -> sessionIds.contains(connection.sessionId()))
                .forEach(connection -> connection.close(code, reason));
    }

    /** Closes every socket of these users on this node, chat and main alike. */
    void closeAllOf(Set<Long> userIds, int code, String reason) {
        every().filter(connection -> userIds.contains(connection.userId()))
                .forEach(connection -> connection.close(code, reason));
    }

    private void deliver(Delivery delivery) {
        Stream<Connection> targets = switch (delivery.audience()) {
            case Audience.Room room -> sockets(byChat, room.chatId()).filter(c -> c.userId() != room.exceptUserId());
            case Audience.RoomMember member ->
                sockets(byChat, member.chatId()).filter(c -> c.userId() == member.userId());
            case Audience.Inbox inbox -> sockets(mainByUser, inbox.userId());
            case Audience.Session session ->
                every().filter(connection -> session.sessionId().equals(connection.sessionId()));
            case Audience.PresenceWatcher watcher ->
                sockets(mainByUser, watcher.userId()).filter(Connection::watchesPresence);
        };
        Delivery.NewMessage message = delivery.newMessage();
        targets.forEach(connection -> {
            try {
                connection.deliver(delivery);
                // A socket the frame reached counts as a device that has the message (a chat socket
                // that skipped it had it in its opening history, which counts too).
                if (message != null && message.authorId() != connection.userId() && connection.isOpen()) {
                    delivered.reached(message.chatId(), connection.userId(), message.id());
                }
                if (delivery.closes()) {
                    connection.close(delivery.closeCode(), delivery.closeReason());
                }
            } catch (RuntimeException e) {
                // One socket's failure must not cost the others this frame.
                LOG.debug("Could not deliver to socket {}", connection.id(), e);
            }
        });
    }

    private static Stream<Connection> sockets(Map<Long, Set<Connection>> index, long key) {
        Set<Connection> sockets = index.get(key);
        return sockets == null ? Stream.empty() : sockets.stream();
    }

    private void pingAll() {
        every().forEach(Connection::ping);
    }

    @PreDestroy
    void stop() throws Exception {
        pings.cancel(false);
        subscription.close();
    }
}
