package app.parley.server.realtime;

import io.netty.channel.EventLoop;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands sockets' frames to their event loops in batches. A frame written from a request's thread
 * costs the socket's event loop a task and, when it sleeps, a wake-up; a message to ten sockets
 * cost ten of each, a sixth of the server's time at 1,000 messages a second. Here every socket
 * with frames waiting joins its loop's batch, and a loop is handed one task for all of them until
 * it has run it.
 */
@Singleton
final class EventLoopWriter {
    private final Map<EventLoop, Batch> batches = new ConcurrentHashMap<>();

    /** Has the connection's waiting frames written on {@code loop}: at once on it, else with its batch. */
    void submit(EventLoop loop, Connection connection) {
        if (loop.inEventLoop()) {
            connection.drain();
            return;
        }
        batches.computeIfAbsent(loop, Batch::new).add(connection);
    }

    private static final class Batch implements Runnable {
        private final EventLoop loop;
        private final Queue<Connection> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Batch(EventLoop loop) {
            this.loop = loop;
        }

        void add(Connection connection) {
            waiting.add(connection);
            if (scheduled.compareAndSet(false, true)) {
                loop.execute(this);
            }
        }

        @Override
        public void run() {
            // Cleared first: a connection added while this runs is either drained here or
            // schedules the next run.
            scheduled.set(false);
            for (Connection next; (next = waiting.poll()) != null; ) {
                next.drain();
            }
        }
    }
}
