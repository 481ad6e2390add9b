package app.parley.server.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one level of the ramp measured, and whether it passed. */
record StepReport(
        int users,
        double seconds,
        List<LatencySummary> actions,
        List<LatencySummary> requests,
        long idleTurns,
        double serverCores,
        double simulatorCores,
        long serverRssKb,
        double framesPerSecond,
        double kilobytesPerSecond,
        Map<String, Double> framesPerSecondByType,
        List<String> failures) {

    boolean passed() {
        return failures.isEmpty();
    }

    double actionsPerSecond() {
        return (actions.stream()
                                .filter(row -> !row.name().endsWith("socket"))
                                .mapToLong(LatencySummary::count)
                                .sum()
                        + idleTurns)
                / seconds;
    }

    void print(boolean withRequests) {
        LatencySummary.print(actions);
        System.out.printf("%-44s %,8d%n", "(idle turns)", idleTurns);
        if (withRequests) {
            System.out.println();
            System.out.println("requests (each HTTP call and socket opening on its own):");
            LatencySummary.print(requests);
        }
        System.out.printf(
                "%.1f turns/s; server CPU %.2f cores, RSS %,d MB; simulator CPU %s; sockets received %,.0f frames/s"
                        + " (%,.0f KB/s)%n",
                actionsPerSecond(),
                serverCores,
                serverRssKb / 1024,
                Double.isNaN(simulatorCores)
                        ? "in the server's figure (same JVM)"
                        : "%.2f cores".formatted(simulatorCores),
                framesPerSecond,
                kilobytesPerSecond);
        System.out.println("  frames/s by type: "
                + framesPerSecondByType.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .filter(e -> e.getValue() >= 0.05)
                        .map(e -> "%s %,.1f".formatted(e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
    }
}
