package app.parley.server.bench;

import app.parley.model.message.SendMessageRequest;
import app.parley.server.ParleyServer;
import app.parley.server.messages.MessageService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Realtime delivery of a real Parley server against a bare Netty relay, with the same client.
 *
 * <p>Parley: a server in a temp data dir; 1,000 users registered over HTTP; 100 groups of 10
 * created over HTTP; every user opens {@code ws://localhost:PORT/api/v1/chat/{group}} (bearer
 * token in the header) and waits for its {@code history} frame. Bare relay ({@link BareRelay}):
 * the same 1,000 sockets in 100 rooms of 10. Both then get the same load from {@link LoadClient}:
 * a JIT warm-up, offered 1,000 and 5,000 messages/s (open loop), and a closed-loop ramp of
 * messages in flight per room until delivery stops growing (saturation).
 *
 * <p>Figures: <b>sent msg/s</b> = message frames the clients sent per second; <b>delivered
 * frames/s</b> = message frames the clients received per second (every copy: 10 per message in
 * a room of 10, the sender's own included); <b>delivered msg/s</b> = delivered frames/s divided by
 * the room size, i.e. messages fanned out completely per second. Latency is per received copy:
 * receive nanoTime minus the stamp the sender put in the text just before writing it.
 *
 * <p>Run: {@code mvn -q -pl server -am test-compile exec:exec -Dparley.exec.scope=test
 * -Dparley.server.main=app.parley.server.bench.RealtimeBenchmark} (optionally
 * {@code -Dparley.args="--rates=1000,5000 --seconds=15 --windows=1,2,4,8,16,32,64"}); see
 * {@link #main} for every option.
 */
public final class RealtimeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.logging.Logger QUIET =
            java.util.logging.Logger.getLogger("com.google.common.util.concurrent.SequentialExecutor");

    private RealtimeBenchmark() {}

    /** Options (defaults): see {@code Options}. */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(
                "Parley realtime benchmark: %,d sockets in %d rooms of %d; JDK %s, %d cores, load average %.2f%n",
                options.users,
                options.users / options.groupSize,
                options.groupSize,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("options: %s%n", options);
        Map<String, Scenario> results = new LinkedHashMap<>();
        try (LoadClient client = new LoadClient(options.clientThreads, options.textChars)) {
            for (String server : options.servers) {
                switch (server) {
                    case "parley" -> results.put("Parley", runParley(options, client));
                    case "bare" -> results.put("bare relay", runBare(options, client));
                    default -> throw new IllegalArgumentException("unknown server " + server + " (parley or bare)");
                }
            }
        }
        summary(options, results);
    }

    // ---------------------------------------------------------------- the two servers

    private static Scenario runParley(Options options, LoadClient client) throws Exception {
        Path dataDir = Files.createTempDirectory("parley-rt-bench-");
        System.out.printf("%n== Parley (data dir %s)%n", dataDir);
        ParleyServer.Settings settings = ParleyServer.Settings.of(dataDir, 0);
        for (Map.Entry<String, String> property : options.properties.entrySet()) {
            settings = settings.withProperty(property.getKey(), property.getValue());
        }
        try (ParleyServer server = ParleyServer.start(settings)) {
            URI base = server.localUri();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ExecutorService pool = Executors.newFixedThreadPool(options.setupThreads);
            try {
                long start = System.nanoTime();
                List<User> users = register(http, pool, base, options);
                System.out.printf(
                        "registered %,d users over HTTP in %.1f s (%d at a time; bcrypt cost 10)%n",
                        users.size(), (System.nanoTime() - start) / 1e9, options.setupThreads);
                start = System.nanoTime();
                List<Long> groups = createGroups(http, pool, base, users, options);
                System.out.printf(
                        "created %d groups of %d over HTTP in %.1f s%n",
                        groups.size(), options.groupSize, (System.nanoTime() - start) / 1e9);
                List<LoadClient.Target> targets = new ArrayList<>();
                // With --property=parley.tls.enabled=true (and parley.tls.port), the sockets go over WSS.
                String sockets = server.tlsPort().isPresent()
                        ? "wss://localhost:" + server.tlsPort().getAsInt()
                        : "ws://localhost:" + server.port();
                System.out.printf("sockets over %s%n", sockets);
                for (int i = 0; i < users.size(); i++) {
                    int room = i / options.groupSize;
                    targets.add(new LoadClient.Target(
                            URI.create(sockets + "/api/v1/chat/" + groups.get(room)),
                            users.get(i).token(),
                            room));
                }
                MessageService messages = server.context().getBean(MessageService.class);
                Runnable probe = () -> sendProbe(options, messages, users, groups);
                return load("parley", options, client, targets, true, probe);
            } finally {
                pool.shutdownNow();
                // Frames still queued when the server stops fail one by one (Guava logs each through
                // java.util.logging); they are counted as lost above and would only flood the output.
                QUIET.setLevel(java.util.logging.Level.OFF);
                System.out.printf(
                        "database after the run: %,d KB (+ WAL %,d KB)%n",
                        Files.size(dataDir.resolve("parley.db")) / 1024, walSize(dataDir) / 1024);
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private static Scenario runBare(Options options, LoadClient client) throws Exception {
        try (BareRelay relay = BareRelay.start(options.relayThreads)) {
            System.out.printf(
                    "%n== bare Netty relay (port %d, %s worker threads)%n",
                    relay.port(),
                    options.relayThreads == 0 ? "Netty's default number of" : String.valueOf(options.relayThreads));
            List<LoadClient.Target> targets = new ArrayList<>();
            for (int i = 0; i < options.users; i++) {
                int room = i / options.groupSize;
                targets.add(new LoadClient.Target(
                        URI.create("ws://localhost:" + relay.port() + BareRelay.path(room)), null, room));
            }
            return load("bare", options, client, targets, false, () -> {});
        }
    }

    // ---------------------------------------------------------------- the load, the same for both

    private static Scenario load(
            String name,
            Options options,
            LoadClient client,
            List<LoadClient.Target> targets,
            boolean history,
            Runnable afterLoad)
            throws Exception {
        long start = System.nanoTime();
        client.connect(targets, history, options.connectConcurrency, Duration.ofSeconds(120));
        System.out.printf(
                "opened %,d sockets in %.1f s%s; event loop threads: %s%n",
                targets.size(),
                (System.nanoTime() - start) / 1e9,
                history ? " (each received its history frame)" : "",
                eventLoopThreads());
        Scenario scenario = new Scenario();
        jdk.jfr.Recording recording = null;
        try {
            if (options.jfr != null && name.equals("parley")) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.setDestination(Path.of(options.jfr));
                recording.start();
                System.out.printf("JFR recording to %s%n", options.jfr);
            }
            LoadClient.PhaseResult warm = client.openLoop(
                    "JIT warm-up", options.warmupRate, Duration.ZERO, Duration.ofSeconds(options.warmupSeconds));
            print(name, "JIT warm-up at " + options.warmupRate + " msg/s", warm, options);

            for (int rate : options.rates) {
                LoadClient.PhaseResult result = client.openLoop(
                        "offered " + rate,
                        rate,
                        Duration.ofSeconds(options.phaseWarmup),
                        Duration.ofSeconds(options.seconds));
                print(name, "offered %,d msg/s".formatted(rate), result, options);
                scenario.rates.put(rate, result);
            }

            int stagnant = 0;
            for (int window : options.windows) {
                LoadClient.PhaseResult result = client.closedLoop(
                        "window " + window,
                        window,
                        Duration.ofSeconds(options.phaseWarmup),
                        Duration.ofSeconds(options.saturationSeconds));
                print(name, "saturation: %d in flight per room".formatted(window), result, options);
                scenario.ramp.add(result);
                double delivered = result.framesPerSecond() / options.groupSize;
                if (scenario.best == null || delivered > scenario.bestDelivered(options) * 1.03) {
                    stagnant = 0;
                } else {
                    stagnant++;
                }
                if (scenario.best == null || delivered > scenario.bestDelivered(options)) {
                    scenario.best = result;
                }
                if (stagnant >= 2 || result.closes() > 0 || result.frames() == 0) {
                    break;
                }
            }
            afterLoad.run();
            if (client.otherFrames() > 0) {
                System.out.printf("(%,d frames of other types were received and not counted)%n", client.otherFrames());
            }
            for (String note : client.notes()) {
                System.out.println("note: " + note);
            }
        } finally {
            if (recording != null) {
                recording.stop();
                recording.close();
            }
            client.disconnect();
        }
        return scenario;
    }

    private static void print(String name, String phase, LoadClient.PhaseResult r, Options options) {
        System.out.printf(
                "[%s] %-36s sent %,8.0f msg/s  delivered %,9.0f frames/s = %,8.0f msg/s  "
                        + "latency p50 %7.2f  p99 %7.2f  p99.9 %7.2f  max %7.2f ms%s%n",
                name,
                phase,
                r.sentPerSecond(),
                r.framesPerSecond(),
                r.framesPerSecond() / options.groupSize,
                r.millis(0.50),
                r.millis(0.99),
                r.millis(0.999),
                r.maxMillis(),
                (r.refused() > 0 ? "  refused (slow_down) " + r.refused() : "")
                        + (r.errors() > 0 ? "  errors " + r.errors() : "")
                        + (r.closes() > 0 ? "  CLOSED " + r.closes() : "")
                        + (r.undelivered() > 0 ? "  undelivered " + r.undelivered() : ""));
        System.out.printf("%" + (name.length() + 3) + "s%s%n", "", r.cpu());
        if (r.frames() > 0) {
            System.out.printf("%" + (name.length() + 3) + "s%s%n", "", r.tail(50));
        }
    }

    // ---------------------------------------------------------------- summary

    private static void summary(Options options, Map<String, Scenario> results) {
        System.out.printf(
                "%n== Summary (%,d sockets, rooms of %d; delivered msg/s = received message frames/s ÷ %d)%n",
                options.users, options.groupSize, options.groupSize);
        List<String> names = new ArrayList<>(results.keySet());
        StringBuilder header = new StringBuilder("%-40s".formatted(""));
        names.forEach(n -> header.append("%-44s".formatted(n)));
        System.out.println(header);
        for (int rate : options.rates) {
            StringBuilder row =
                    new StringBuilder("%-40s".formatted("offered %,d msg/s: p50 / p99 / max".formatted(rate)));
            StringBuilder row2 = new StringBuilder("%-40s".formatted("  sent / delivered msg/s (frames/s)"));
            for (String n : names) {
                LoadClient.PhaseResult r = results.get(n).rates.get(rate);
                row.append("%-44s"
                        .formatted("%.2f / %.2f / %.2f ms".formatted(r.millis(0.5), r.millis(0.99), r.maxMillis())));
                row2.append("%-44s"
                        .formatted("%,.0f / %,.0f (%,.0f)%s"
                                .formatted(
                                        r.sentPerSecond(),
                                        r.framesPerSecond() / options.groupSize,
                                        r.framesPerSecond(),
                                        problems(r))));
            }
            System.out.println(row);
            System.out.println(row2);
        }
        StringBuilder sat = new StringBuilder("%-40s".formatted("saturation: delivered msg/s (frames/s)"));
        StringBuilder satSent = new StringBuilder("%-40s".formatted("  sent msg/s; in flight/room; p50/p99"));
        for (String n : names) {
            Scenario s = results.get(n);
            if (s.best == null) {
                sat.append("%-44s".formatted("n/a"));
                satSent.append("%-44s".formatted(""));
                continue;
            }
            sat.append(
                    "%-44s".formatted("%,.0f (%,.0f)".formatted(s.bestDelivered(options), s.best.framesPerSecond())));
            satSent.append("%-44s"
                    .formatted("%,.0f; %s; %.1f/%.1f ms"
                            .formatted(
                                    s.best.sentPerSecond(),
                                    s.best.label().replace("window ", ""),
                                    s.best.millis(0.5),
                                    s.best.millis(0.99))));
        }
        System.out.println(sat);
        System.out.println(satSent);

        Scenario parley = results.get("Parley");
        Scenario bare = results.get("bare relay");
        if (parley != null && bare != null) {
            double ratio = parley.bestDelivered(options) / bare.bestDelivered(options);
            System.out.printf(
                    "%nParley / bare relay saturation throughput: %.1f%%   target >= 50%%: %s%n",
                    ratio * 100, ratio >= 0.5 ? "met" : "NOT met");
        }
        if (parley != null && parley.rates.containsKey(1000)) {
            LoadClient.PhaseResult at1000 = parley.rates.get(1000);
            double p99 = at1000.millis(0.99);
            boolean complete = at1000.undelivered() == 0 && at1000.errors() == 0 && at1000.closes() == 0;
            System.out.printf(
                    "Parley p99 at 1,000 msg/s: %.2f ms   target < 50 ms: %s%s%n",
                    p99,
                    p99 < 50 && complete ? "met" : "NOT met",
                    complete ? "" : " (" + problems(at1000).strip() + ")");
        }
    }

    /**
     * The cost of one message on the write path with nobody else writing: {@code MessageService.send}
     * called from one thread, one call at a time, into the benchmark's groups (their 10 sockets
     * still open, so the fan-out after the commit is included). Every write of a message is
     * serialized (SQLite has one writer), so 1 / this cost bounds Parley's message rate.
     */
    private static void sendProbe(Options options, MessageService messages, List<User> users, List<Long> groups) {
        if (options.probeCalls <= 0) {
            return;
        }
        long[] nanos = new long[options.probeCalls];
        int warm = Math.max(200, options.probeCalls / 5);
        for (int i = -warm; i < options.probeCalls; i++) {
            int group = Math.floorMod(i, groups.size());
            long author = users.get(group * options.groupSize + Math.floorMod(i / groups.size(), options.groupSize))
                    .id();
            long start = System.nanoTime();
            try {
                messages.send(
                        author,
                        groups.get(group),
                        new SendMessageRequest("probe " + i + " " + "x".repeat(options.textChars), null));
            } catch (RuntimeException e) {
                System.out.printf(
                        "[parley] one writer, one call at a time: call %d of MessageService.send failed after %.0f ms, "
                                + "probe abandoned: %s%n",
                        i + warm, (System.nanoTime() - start) / 1e6, e);
                return;
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double average = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(
                "[parley] one writer, one call at a time: MessageService.send (commit and fan-out to 10 sockets "
                        + "included) p50 %.3f ms, p99 %.3f ms, avg %.3f ms over %,d calls -> at most %,.0f msg/s with "
                        + "writes serialized%n",
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6,
                average,
                nanos.length,
                1000 / average);
    }

    /** Live event loop threads by group (server's and client's), to show both servers get the same. */
    private static String eventLoopThreads() {
        Map<String, Integer> groups = new java.util.TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.toLowerCase(java.util.Locale.ROOT).contains("eventloop") || name.startsWith("bench-client")) {
                groups.merge(name.replaceAll("-\\d+$", ""), 1, Integer::sum);
            }
        }
        return groups.toString();
    }

    private static String problems(LoadClient.PhaseResult r) {
        return (r.refused() > 0 ? " refused " + r.refused() : "")
                + (r.errors() > 0 ? " errors " + r.errors() : "")
                + (r.closes() > 0 ? " closed " + r.closes() : "")
                + (r.undelivered() > 0 ? " lost " + r.undelivered() : "");
    }

    // ---------------------------------------------------------------- setup over HTTP

    private record User(long id, String token) {}

    private static List<User> register(HttpClient http, ExecutorService pool, URI base, Options options)
            throws Exception {
        List<Future<User>> futures = new ArrayList<>();
        for (int i = 0; i < options.users; i++) {
            String username = "bench%05d".formatted(i);
            futures.add(pool.submit(() -> {
                JsonNode body = post(
                        http,
                        base.resolve("/api/v1/auth/register"),
                        null,
                        Map.of("username", username, "password", "password-" + username),
                        201);
                return new User(
                        body.get("user").get("id").asLong(),
                        body.get("access_token").asText());
            }));
        }
        List<User> users = new ArrayList<>();
        for (Future<User> future : futures) {
            users.add(future.get());
        }
        return users;
    }

    private static List<Long> createGroups(
            HttpClient http, ExecutorService pool, URI base, List<User> users, Options options) throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        for (int g = 0; g < users.size() / options.groupSize; g++) {
            int first = g * options.groupSize;
            User owner = users.get(first);
            List<Map<String, Long>> members = IntStream.range(first + 1, first + options.groupSize)
                    .mapToObj(i -> Map.of("id", users.get(i).id()))
                    .toList();
            String name = "bench group " + g;
            futures.add(pool.submit(() -> post(
                            http,
                            base.resolve("/api/v1/group"),
                            owner.token(),
                            Map.of("name", name, "users", members),
                            200)
                    .get("group")
                    .get("id")
                    .asLong()));
        }
        List<Long> groups = new ArrayList<>();
        for (Future<Long> future : futures) {
            groups.add(future.get());
        }
        return groups;
    }

    private static JsonNode post(HttpClient http, URI uri, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    "POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    // ---------------------------------------------------------------- plumbing

    /** One server's figures: the fixed rates and the saturation ramp. */
    private static final class Scenario {
        final Map<Integer, LoadClient.PhaseResult> rates = new LinkedHashMap<>();
        final List<LoadClient.PhaseResult> ramp = new ArrayList<>();
        LoadClient.PhaseResult best;

        double bestDelivered(Options options) {
            return best == null ? 0 : best.framesPerSecond() / options.groupSize;
        }
    }

    /**
     * {@code --users=1000 --group-size=10 --rates=1000,5000 --seconds=15 --phase-warmup=3
     * --warmup-rate=500 --warmup-seconds=15 --windows=1,2,4,8,16,32,64 --saturation-seconds=8
     * --servers=parley,bare --client-threads=2 --relay-threads=0 --text=80 --setup-threads=4
     * --connect-concurrency=100 --probe-calls=2000 --jfr=FILE --property=KEY=VALUE} (a Parley config property,
     * repeatable: e.g. {@code --property=datasources.default.maximum-pool-size=1}).
     */
    private record Options(
            int users,
            int groupSize,
            int[] rates,
            int seconds,
            int phaseWarmup,
            int warmupRate,
            int warmupSeconds,
            int[] windows,
            int saturationSeconds,
            List<String> servers,
            int clientThreads,
            int relayThreads,
            int textChars,
            int setupThreads,
            int connectConcurrency,
            int probeCalls,
            String jfr,
            Map<String, String> properties) {

        static Options parse(String[] args) {
            List<String> all = Arrays.stream(String.join(" ", args).split("\\s+"))
                    .filter(a -> !a.isBlank())
                    .toList();
            Map<String, String> properties = new LinkedHashMap<>();
            for (String a : all) {
                if (a.startsWith("--property=")) {
                    String kv = a.substring("--property=".length());
                    int eq = kv.indexOf('=');
                    properties.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return new Options(
                    integer(all, "--users=", 1000),
                    integer(all, "--group-size=", 10),
                    integers(all, "--rates=", "1000,5000"),
                    integer(all, "--seconds=", 15),
                    integer(all, "--phase-warmup=", 3),
                    integer(all, "--warmup-rate=", 500),
                    integer(all, "--warmup-seconds=", 15),
                    integers(all, "--windows=", "1,2,4,8,16,32,64"),
                    integer(all, "--saturation-seconds=", 8),
                    List.of(string(all, "--servers=", "parley,bare").split(",")),
                    integer(all, "--client-threads=", Runtime.getRuntime().availableProcessors()),
                    integer(all, "--relay-threads=", 0),
                    integer(all, "--text=", 80),
                    integer(all, "--setup-threads=", 2 * Runtime.getRuntime().availableProcessors()),
                    integer(all, "--connect-concurrency=", 100),
                    integer(all, "--probe-calls=", 2000),
                    string(all, "--jfr=", null),
                    properties);
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

        private static int[] integers(List<String> args, String prefix, String fallback) {
            return Arrays.stream(string(args, prefix, fallback).split(","))
                    .map(String::strip)
                    .mapToInt(s -> Integer.parseInt(s.replace("_", "")))
                    .toArray();
        }

        @Override
        public String toString() {
            return "users=%d group-size=%d rates=%s seconds=%d phase-warmup=%d warmup=%d msg/s × %d s windows=%s "
                            .formatted(
                                    users,
                                    groupSize,
                                    Arrays.toString(rates),
                                    seconds,
                                    phaseWarmup,
                                    warmupRate,
                                    warmupSeconds,
                                    Arrays.toString(windows))
                    + "saturation-seconds=%d servers=%s client-threads=%d relay-threads=%d text=%d probe-calls=%d%s%s"
                            .formatted(
                                    saturationSeconds,
                                    servers,
                                    clientThreads,
                                    relayThreads,
                                    textChars,
                                    probeCalls,
                                    jfr == null ? "" : " jfr=" + jfr,
                                    properties.isEmpty() ? "" : " properties=" + properties);
        }
    }

    private static long walSize(Path dataDir) throws java.io.IOException {
        Path wal = dataDir.resolve("parley.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
