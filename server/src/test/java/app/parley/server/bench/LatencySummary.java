package app.parley.server.bench;

import java.util.Map;

/** One row of a latency table: an action's or a request's samples over one step. */
record LatencySummary(
        String name,
        long count,
        double avgMillis,
        double p50Millis,
        double p99Millis,
        double maxMillis,
        long errors,
        Map<String, Long> reasons) {

    static String header() {
        return "%-44s %8s %9s %9s %9s %9s %7s".formatted("", "count", "avg ms", "p50 ms", "p99 ms", "max ms", "errors");
    }

    /** The table's rows, then why the rows with errors failed (a few reasons each, with their counts). */
    static void print(java.util.List<LatencySummary> rows) {
        System.out.println(header());
        rows.forEach(row -> System.out.println(row.line()));
        for (LatencySummary row : rows) {
            row.reasons().forEach((reason, count) -> System.out.printf("  %s: %,d × %s%n", row.name(), count, reason));
        }
    }

    /** A row of the table; a row with errors and no successful sample (a socket's troubles) shows dashes. */
    String line() {
        if (count == 0) {
            return "%-44s %8d %9s %9s %9s %9s %,7d".formatted(name, 0, "-", "-", "-", "-", errors);
        }
        return "%-44s %,8d %9.1f %9.1f %9.1f %9.1f %,7d"
                .formatted(name, count, avgMillis, p50Millis, p99Millis, maxMillis, errors);
    }
}
