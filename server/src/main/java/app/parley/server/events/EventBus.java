package app.parley.server.events;

import java.util.function.Consumer;

/**
 * Fan-out of realtime events to the sockets of every server node. Features publish; each node
 * subscribes once and hands deliveries to the sockets it holds. In-process by default; a bus
 * between nodes (Redis pub/sub) implements the same two methods.
 */
public interface EventBus {

    /** Sends a delivery to every subscriber, in the order publish is called from one thread. */
    void publish(Delivery delivery);

    /** Adds a subscriber; it must not block. Closing the returned handle removes it. */
    AutoCloseable subscribe(Consumer<Delivery> subscriber);
}
