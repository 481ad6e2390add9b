package app.parley.server.bench;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one step of the ramp measured: latency and errors per action (what a person does, e.g.
 * "open chat": a socket, its history and two requests) and per request (each HTTP call and
 * socket handshake on its own, to see which one is slow). A sample belongs to the step in which
 * it finished.
 */
final class StepMetrics {
    private final ConcurrentMap<String, LatencySamples> actions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LatencySamples> requests = new ConcurrentHashMap<>();
    private final LongAdder idleTurns = new LongAdder();

    LatencySamples action(String name) {
        return actions.computeIfAbsent(name, LatencySamples::new);
    }

    LatencySamples request(String name) {
        return requests.computeIfAbsent(name, LatencySamples::new);
    }

    void idle() {
        idleTurns.increment();
    }

    long idleTurns() {
        return idleTurns.sum();
    }

    List<LatencySummary> actionTable() {
        return table(actions);
    }

    List<LatencySummary> requestTable() {
        return table(requests);
    }

    private static List<LatencySummary> table(ConcurrentMap<String, LatencySamples> rows) {
        return rows.values().stream()
                .map(LatencySamples::summary)
                .sorted(Comparator.comparingLong(LatencySummary::count).reversed())
                .toList();
    }

    /** The step being measured; a new step starts by swapping in fresh metrics. */
    static final class Board {
        private final AtomicReference<StepMetrics> current = new AtomicReference<>(new StepMetrics());

        StepMetrics current() {
            return current.get();
        }

        /** Starts a new step and returns what the one before measured. */
        StepMetrics next() {
            return current.getAndSet(new StepMetrics());
        }
    }
}
