package app.parley.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@link LoadSimulation}, as {@code --key=value} (defaults in brackets):
 *
 * <ul>
 *   <li>ramp: {@code --start-users} [1000], {@code --step-users} [1000], {@code --max-users} [10000] (also the
 *       number of accounts seeded), {@code --step-seconds} [120] (each step is held this long and judged on
 *       what it measured), {@code --connect-rate} [50] (sign-ins per second when a step adds users),
 *       {@code --warmup-seconds} [60] (the start users act this long on the fresh server first, not judged,
 *       so that the first level does not measure the JIT compiler; 0: none);
 *   <li>behaviour: {@code --action-mean-seconds} [20] (a user's pause between two actions is uniform on
 *       5–195 % of it: 1–39 s at 20), {@code --typing-seconds} [3] (the longest pause between the typing frame
 *       and the post; not timed), {@code --sign-in=token|password} [token];
 *   <li>pass thresholds (Mattermost's): {@code --max-avg-ms} [100], {@code --max-p99-ms} [2000]; any error fails;
 *       {@code --min-samples} [20] (an action seen fewer times in a level is judged on its errors only);
 *   <li>population: {@code --groups-per-user} [4] (groups of 5–50), {@code --private-per-user} [4],
 *       {@code --large-groups} [one per 2,000 users, at least 1], {@code --large-group-size} [500],
 *       {@code --history} [60] (messages seeded in each group; private chats get a sixth);
 *   <li>memory: {@code --idle-users} [the start users; 0 skips the measurement];
 *   <li>server: {@code --server=process|in-process} [process], {@code --server-jvm} [-Xmx1g] (comma-separated
 *       JVM options of the server process), {@code --property=KEY=VALUE} (a server setting, repeatable);
 *   <li>simulator: {@code --socket-threads} [1] (Netty event loop threads of all simulated sockets),
 *       {@code --seed} [1] (the population and every user's choices follow from it).
 * </ul>
 */
record SimulationOptions(
        int startUsers,
        int stepUsers,
        int maxUsers,
        Duration step,
        double connectRate,
        Duration warmup,
        Duration actionMean,
        Duration typingMax,
        SignIn signIn,
        PassCriteria criteria,
        double groupsPerUser,
        double privatePerUser,
        int largeGroups,
        int largeGroupSize,
        int history,
        int idleUsers,
        ServerMode server,
        List<String> serverJvm,
        Map<String, String> properties,
        int socketThreads,
        long seed) {

    /** How a simulated user gets its token: one minted at seeding time, or a real bcrypt sign-in. */
    enum SignIn {
        TOKEN,
        PASSWORD
    }

    /** Where the server under test runs: its own JVM (clean memory and CPU figures) or the simulator's. */
    enum ServerMode {
        PROCESS,
        IN_PROCESS
    }

    static SimulationOptions parse(String[] args) {
        List<String> all = Arrays.stream(String.join(" ", args).split("\\s+"))
                .filter(a -> !a.isBlank())
                .toList();
        for (String arg : all) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --key=value: " + arg);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : all) {
            if (arg.startsWith("--property=")) {
                String pair = arg.substring("--property=".length());
                int eq = pair.indexOf('=');
                properties.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        int startUsers = integer(all, "--start-users=", 1000);
        int maxUsers = integer(all, "--max-users=", 10_000);
        return new SimulationOptions(
                startUsers,
                integer(all, "--step-users=", 1000),
                maxUsers,
                Duration.ofSeconds(integer(all, "--step-seconds=", 120)),
                decimal(all, "--connect-rate=", 50),
                Duration.ofSeconds(integer(all, "--warmup-seconds=", 60)),
                Duration.ofMillis((long) (decimal(all, "--action-mean-seconds=", 20) * 1000)),
                Duration.ofMillis((long) (decimal(all, "--typing-seconds=", 3) * 1000)),
                SignIn.valueOf(string(all, "--sign-in=", "token").toUpperCase(Locale.ROOT)),
                new PassCriteria(
                        decimal(all, "--max-avg-ms=", 100),
                        decimal(all, "--max-p99-ms=", 2000),
                        integer(all, "--min-samples=", 20)),
                decimal(all, "--groups-per-user=", 4),
                decimal(all, "--private-per-user=", 4),
                integer(all, "--large-groups=", Math.max(1, maxUsers / 2000)),
                integer(all, "--large-group-size=", 500),
                integer(all, "--history=", 60),
                integer(all, "--idle-users=", startUsers),
                ServerMode.valueOf(string(all, "--server=", "process")
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_')),
                List.of(string(all, "--server-jvm=", "-Xmx1g").split(",")),
                properties,
                integer(all, "--socket-threads=", 1),
                Long.parseLong(string(all, "--seed=", "1")));
    }

    /** The user counts of the ramp: start, start + step, … up to max (max itself included). */
    List<Integer> levels() {
        List<Integer> levels = new ArrayList<>();
        for (int users = startUsers; users < maxUsers; users += Math.max(1, stepUsers)) {
            levels.add(users);
        }
        levels.add(maxUsers);
        return levels;
    }

    private static String string(List<String> args, String prefix, String fallback) {
        return args.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .reduce((a, b) -> b)
                .orElse(fallback);
    }

    private static int integer(List<String> args, String prefix, int fallback) {
        String value = string(args, prefix, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    private static double decimal(List<String> args, String prefix, double fallback) {
        String value = string(args, prefix, null);
        return value == null ? fallback : Double.parseDouble(value.replace("_", ""));
    }

    @Override
    public String toString() {
        return ("users %,d → %,d by %,d, %d s a step, %.0f sign-ins/s, warm-up %d s; an action every %.1f s on average"
            + " (typing up to %.1f s); sign-in %s; pass: avg ≤ %.0f ms, p99 ≤ %.0f ms (from %d samples), no errors;"
            + " groups/user %.1f (5–50), private/user %.1f, %d large group(s) of %d, history %d; idle users %,d;"
            + " server %s %s%s; socket threads %d; seed %d")
                .formatted(
                        startUsers,
                        maxUsers,
                        stepUsers,
                        step.toSeconds(),
                        connectRate,
                        warmup.toSeconds(),
                        actionMean.toMillis() / 1000.0,
                        typingMax.toMillis() / 1000.0,
                        signIn.name().toLowerCase(Locale.ROOT),
                        criteria.maxAvgMillis(),
                        criteria.maxP99Millis(),
                        criteria.minSamples(),
                        groupsPerUser,
                        privatePerUser,
                        largeGroups,
                        largeGroupSize,
                        history,
                        idleUsers,
                        server.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        server == ServerMode.PROCESS ? String.join(" ", serverJvm) : "",
                        properties.isEmpty() ? "" : " " + properties,
                        socketThreads,
                        seed);
    }
}
