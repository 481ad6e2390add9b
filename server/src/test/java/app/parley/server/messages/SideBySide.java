package app.parley.server.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.SocketClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many senders at the same moment, and what a socket hears of them. */
final class SideBySide {
    static final int THREADS = 8;
    static final int SENDS_PER_THREAD = 40;

    private SideBySide() {}

    /** Runs {@code THREADS} copies of a task started at the same moment, one per thread index. */
    static void allAtOnce(ThrowingTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface ThrowingTask {
        void run(int thread) throws Exception;
    }

    /** Every message frame's text the socket receives until all {@code expected} have come. */
    static List<String> messageTexts(SocketClient socket, Set<String> expected) {
        List<String> received = new ArrayList<>();
        Set<String> missing = new HashSet<>(expected);
        List<Long> ids = new ArrayList<>();
        while (!missing.isEmpty()) {
            JsonNode frame = socket.nextMatching(f -> f.path("type").asText().equals("message"));
            received.add(frame.get("text").asText());
            ids.add(frame.get("id").asLong());
            missing.remove(frame.get("text").asText());
        }
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        assertEquals(sorted, ids, "message frames arrive in id order, each once");
        return received;
    }
}
