package app.parley.server.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latencies and errors of one action (or one request) during one step. Writers are the
 * simulated users' threads, a few hundred samples a second at most, so a lock costs nothing
 * worth a lock-free structure.
 */
final class LatencySamples {
    /** Distinct error reasons kept for the report; the count covers them all. */
    private static final int REASONS_KEPT = 5;

    private final String name;
    private long[] nanos = new long[256];
    private int count;
    private long errors;
    private final Map<String, Long> reasons = new LinkedHashMap<>();

    LatencySamples(String name) {
        this.name = name;
    }

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized void error(String reason) {
        errors++;
        if (reasons.containsKey(reason) || reasons.size() < REASONS_KEPT) {
            reasons.merge(reason, 1L, Long::sum);
        }
    }

    synchronized LatencySummary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double avg = count == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new LatencySummary(
                name,
                count,
                avg,
                quantile(sorted, 0.50),
                quantile(sorted, 0.99),
                count == 0 ? Double.NaN : sorted[count - 1] / 1e6,
                errors,
                Map.copyOf(reasons));
    }

    /** Nearest rank: the smallest sample with at least q of all samples at or below it. */
    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
