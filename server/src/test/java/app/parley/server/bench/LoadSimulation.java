package app.parley.server.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * How many people one Parley server carries: a load simulation after Mattermost's load-test-ng
 * "simulative" controller. Prints, as it goes, one latency table per level of the ramp, then the
 * largest number of users that passed, the table at that level, the memory an idle connected user
 * costs the server, and how long the server takes from start to ready.
 *
 * <p><b>Population.</b> {@code --max-users} accounts, each in groups of 5–50 members
 * ({@code --groups-per-user}), in {@code --large-groups} groups of {@code --large-group-size}
 * (500), and in private chats ({@code --private-per-user}); every group has {@code --history}
 * messages, every private chat a sixth of that, all read. {@link SocialGraph} draws it from
 * {@code --seed}.
 *
 * <p><b>Seeding</b> ({@link PopulationSeeder}) is not done over HTTP: 10,000 registrations would
 * take most of an hour of bcrypt. A server started on an empty data dir makes the schema; plain
 * JDBC then writes accounts (all with one bcrypt hash of one password, made by the server's own
 * {@code PasswordHasher}, so a real sign-in works), chats, memberships and history into its
 * tables. The server is started again, which fills in the usernames' look-alike skeletons as it
 * does for any account it has not seen, and (with {@code --sign-in=token}, the default) issues a
 * token to every account through its own {@code TokenIssuer}: a session row and a signed JWT, what
 * a sign-in ends with, minus the bcrypt check. With {@code --sign-in=password} every simulated
 * sign-in is a real {@code POST /api/v1/auth/login} instead (bcrypt, ~0.1 s of a core each).
 *
 * <p><b>Behaviour</b> ({@link SimUser}, {@link SimulatedAction}). Each user signs in (its profile,
 * its chat list, its main socket with presence, who is online) and then, every 1–39 s (5–195 % of
 * {@code --action-mean-seconds}, uniform), does one action: open a chat 45 % (its chat socket,
 * whose first frame is the newest page of 50, its read positions and mark read), scroll back one
 * page 14 %, open a private chat 7 %, check unread counts 7 %, post a message 7 % (a typing frame
 * and a pause of up to {@code --typing-seconds} first, not timed; one post in ten uploads a file),
 * search 2 %, a profile or a group's info 3 %, reconnect the main socket 1 %, nothing 14 %.
 *
 * <p><b>Ramp.</b> {@code --start-users}, then {@code --step-users} more at a time (signing in at
 * {@code --connect-rate} a second) up to {@code --max-users}, each level held for
 * {@code --step-seconds}. A level passes when every action's average latency is at most
 * {@code --max-avg-ms} (100), its p99 at most {@code --max-p99-ms} (2,000), and nothing failed:
 * no error answer, timeout, error frame or socket closed by the server (Mattermost's thresholds).
 * An action seen fewer than {@code --min-samples} (20) times in a level is judged on its errors
 * only. The ramp stops at the first level that fails.
 *
 * <p><b>Cores.</b> With {@code --server=process} (the default) the server runs in a JVM of its own
 * ({@link ServerProcess}), on the same machine: both processes share its cores, and each level's
 * line shows the CPU each used. {@code --server=in-process} runs it in this JVM instead, as
 * {@link RealtimeBenchmark} does. The simulator is cheap by construction: users are objects, not
 * threads; one timer thread wakes them, their turns run on virtual threads, all HTTP goes through
 * one {@code HttpClient} and all sockets through one Netty event loop group ({@link SimSockets}).
 *
 * <p><b>Warm-up.</b> First the start users act for {@code --warmup-seconds} on the new server, not
 * judged, while five more do every action once (a post with a file included), and all sign out;
 * without it the first level would measure the JIT compiler at work.
 *
 * <p><b>Memory per idle user.</b> Then, before the ramp, {@code --idle-users} users sign in and stay
 * connected doing nothing; the server's heap after a full collection and its resident memory are
 * read before and after (through {@code jcmd} and {@code /proc}), and the difference is divided by
 * the number of users. They sign out before the ramp begins.
 *
 * <p>Run: {@code mvn -q -o -pl server -am test-compile exec:exec -Dparley.exec.scope=test
 * -Dparley.server.main=app.parley.server.bench.LoadSimulation -Dparley.args="--start-users=200
 * --step-users=200 --max-users=600 --step-seconds=20"}; every option is in
 * {@link SimulationOptions}.
 */
public final class LoadSimulation {
    /** Sign-ins at once while the idle users connect (they are measured for memory, not for speed). */
    private static final int IDLE_SIGN_INS_AT_ONCE = 32;
    /** Long enough for presence's offline grace (5 s) to pass, so idle users' departures are done. */
    private static final Duration SETTLE = Duration.ofSeconds(6);
    /** Users who do every action once during the warm-up. */
    private static final int TOURISTS = 5;

    private final SimulationOptions options;
    private final ServerUnderTest server;

    private LoadSimulation(SimulationOptions options, ServerUnderTest server) {
        this.options = options;
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        SimulationOptions options = SimulationOptions.parse(args);
        System.out.printf(
                "Parley load simulation: JDK %s, %d cores, load average %.2f%noptions: %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                options);
        warnAboutFileLimit(options);
        Path root = Files.createTempDirectory("parley-loadsim-");
        Path dataDir = root.resolve("data");
        try {
            SocialGraph graph = SocialGraph.generate(options);
            long start = System.nanoTime();
            PopulationSeeder.Population population = new PopulationSeeder(options).seed(dataDir, graph);
            System.out.printf(
                    "seeded in %.1f s: %,d users, %,d groups (%d of %d), %,d private chats, %,d memberships, %,d"
                            + " messages; %s%n",
                    (System.nanoTime() - start) / 1e9,
                    graph.users(),
                    graph.groups(),
                    options.largeGroups(),
                    Math.min(options.largeGroupSize(), graph.users()),
                    graph.chats().size() - graph.groups(),
                    graph.memberships(),
                    population.messages(),
                    options.signIn() == SimulationOptions.SignIn.TOKEN
                            ? "a token for each through the server's TokenIssuer"
                            : "users sign in with their password");
            try (ServerUnderTest server = startServer(options, dataDir, root.resolve("server.log"))) {
                System.out.printf("server start to ready: %s%n", server.startDescription());
                System.out.printf("cores: %s%n", server.coresDescription());
                new LoadSimulation(options, server).run(population);
                if (options.server() == SimulationOptions.ServerMode.PROCESS) {
                    List<String> problems = server.problems();
                    System.out.printf(
                            "%nserver log %s: %s%n",
                            root.resolve("server.log"),
                            problems.isEmpty() ? "nothing at WARN or ERROR" : "at WARN or ERROR:");
                    problems.forEach(line -> System.out.println("  " + line));
                }
            }
        } finally {
            // The server's log stays (it is small) for whoever wants to read what it said.
            deleteTree(dataDir);
            try {
                Files.deleteIfExists(root);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // The log is in it.
            }
        }
    }

    private static ServerUnderTest startServer(SimulationOptions options, Path dataDir, Path log) throws Exception {
        return options.server() == SimulationOptions.ServerMode.PROCESS
                ? ServerProcess.start(dataDir, log, options.serverJvm(), options.properties())
                : InProcessServer.start(dataDir, options.properties());
    }

    private void run(PopulationSeeder.Population population) throws InterruptedException {
        StepMetrics.Board board = new StepMetrics.Board();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sim-timers").factory());
        ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();
        SimSockets sockets = new SimSockets(options.socketThreads());
        SimApi api = new SimApi(server.base(), turns, board);
        SimulationContext context = new SimulationContext(options, population, api, sockets, board, timers, turns);
        List<SimUser> users = IntStream.range(0, options.maxUsers())
                .mapToObj(number -> new SimUser(number, context))
                .toList();
        try {
            int warm = Math.min(options.startUsers(), users.size());
            warmUp(users.subList(0, warm), users.subList(warm, Math.min(warm + TOURISTS, users.size())), board, timers);
            // From the end of the population, not the warm-up's users: the server meets them for the first time.
            int idle = Math.min(options.idleUsers(), users.size());
            IdleMemory idleMemory = measureIdleMemory(users.subList(users.size() - idle, users.size()), board);
            Ramp ramp = ramp(users, board, timers, sockets);
            report(ramp, idleMemory);
        } finally {
            users.forEach(SimUser::stop);
            timers.shutdownNow();
            turns.shutdownNow();
            turns.awaitTermination(35, TimeUnit.SECONDS);
            sockets.close();
            api.close();
        }
    }

    // ---------------------------------------------------------------- warm-up

    /** The start users sign in and act for a while, unjudged, then sign out: the JIT has seen every path. */
    private void warmUp(
            List<SimUser> users, List<SimUser> tourists, StepMetrics.Board board, ScheduledExecutorService timers)
            throws InterruptedException {
        if (options.warmup().isZero() || users.isEmpty()) {
            return;
        }
        board.next();
        startSpaced(users, timers);
        // Rare actions (a post with a file is one in 140 turns) would otherwise first run, cold, in a judged level.
        List<Thread> tours = tourists.stream()
                .map(tourist -> Thread.ofVirtual().start(tourist::tour))
                .toList();
        Thread.sleep(options.warmup().toMillis());
        for (Thread tour : tours) {
            tour.join();
        }
        StepMetrics measured = board.next();
        System.out.printf(
                "%n== warm-up: %,d users for %d s (not judged)%n",
                users.size(), options.warmup().toSeconds());
        LatencySummary.print(measured.actionTable());
        System.out.println("requests:");
        LatencySummary.print(measured.requestTable());
        users.forEach(SimUser::stop);
        Thread.sleep(SETTLE.toMillis());
        board.next();
    }

    /** Starts the users one after another at {@code --connect-rate}. */
    private void startSpaced(List<SimUser> users, ScheduledExecutorService timers) {
        long spacing = (long) (1e9 / options.connectRate());
        for (int i = 0; i < users.size(); i++) {
            timers.schedule(users.get(i)::start, i * spacing, TimeUnit.NANOSECONDS);
        }
    }

    // ---------------------------------------------------------------- idle users' memory

    /** The server's memory with and without {@code connected} idle users. */
    private record IdleMemory(int connected, ProcessMemory.Figures before, ProcessMemory.Figures after) {
        String describe() {
            if (connected == 0) {
                return "not measured (--idle-users=0)";
            }
            ProcessMemory.Figures delta = ProcessMemory.Figures.difference(after, before);
            return ("%,d idle users (signed in, main socket open): server heap after full GC %,d → %,d KB, %s KB a"
                            + " user; server RSS %,d → %,d KB, %s KB a user")
                    .formatted(
                            connected,
                            before.heapUsedKb(),
                            after.heapUsedKb(),
                            before.heapUsedKb() < 0 ? "?" : "%.1f".formatted((double) delta.heapUsedKb() / connected),
                            before.rssKb(),
                            after.rssKb(),
                            "%.1f".formatted((double) delta.rssKb() / connected));
        }
    }

    private IdleMemory measureIdleMemory(List<SimUser> idle, StepMetrics.Board board) throws InterruptedException {
        if (idle.isEmpty()) {
            return new IdleMemory(0, null, null);
        }
        ProcessMemory.Figures before = server.memory();
        Semaphore atOnce = new Semaphore(IDLE_SIGN_INS_AT_ONCE);
        List<Thread> signIns = new ArrayList<>();
        long start = System.nanoTime();
        for (SimUser user : idle) {
            atOnce.acquire();
            signIns.add(Thread.ofVirtual().start(() -> {
                try {
                    user.connectIdle();
                } finally {
                    atOnce.release();
                }
            }));
        }
        for (Thread signIn : signIns) {
            signIn.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(SETTLE.toMillis());
        ProcessMemory.Figures after = server.memory();
        int connected = (int) idle.stream().filter(SimUser::connected).count();
        StepMetrics signedIn = board.next();
        System.out.printf(
                "%n== idle users: %,d of %,d signed in and connected in %.1f s (%d at a time)%n",
                connected, idle.size(), seconds, IDLE_SIGN_INS_AT_ONCE);
        LatencySummary.print(signedIn.actionTable());
        IdleMemory memory = new IdleMemory(connected, before, after);
        System.out.println("memory: " + memory.describe());
        idle.forEach(SimUser::stop);
        Thread.sleep(SETTLE.toMillis());
        board.next();
        return memory;
    }

    // ---------------------------------------------------------------- the ramp

    /** The last level that passed (null: none did) and the first that failed (null: none did). */
    private record Ramp(StepReport passed, StepReport failed) {}

    private Ramp ramp(List<SimUser> users, StepMetrics.Board board, ScheduledExecutorService timers, SimSockets sockets)
            throws InterruptedException {
        List<Integer> levels = options.levels();
        StepReport passed = null;
        int active = 0;
        board.next();
        for (int step = 0; step < levels.size(); step++) {
            int level = levels.get(step);
            startSpaced(users.subList(active, level), timers);
            double signInSeconds = (level - active) / options.connectRate();
            System.out.printf(
                    "%n== level %d of %d: %,d users (%,d signing in over %.0f s), held %d s%n",
                    step + 1,
                    levels.size(),
                    level,
                    level - active,
                    signInSeconds,
                    options.step().toSeconds());
            if (signInSeconds > options.step().toSeconds()) {
                System.out.println("   (the sign-ins outlast the step: raise --connect-rate or --step-seconds)");
            }
            active = level;
            long wallBefore = System.nanoTime();
            Duration serverCpuBefore = server.cpu();
            long simulatorCpuBefore = simulatorCpuNanos();
            long framesBefore = sockets.received().frames();
            long bytesBefore = sockets.received().bytes();
            Map<String, Long> typesBefore = sockets.received().byType();
            Thread.sleep(options.step().toMillis());
            StepMetrics measured = board.next();
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            List<LatencySummary> actions = measured.actionTable();
            StepReport report = new StepReport(
                    level,
                    wall,
                    actions,
                    measured.requestTable(),
                    measured.idleTurns(),
                    (server.cpu().minus(serverCpuBefore)).toNanos() / 1e9 / wall,
                    options.server() == SimulationOptions.ServerMode.PROCESS
                            ? (simulatorCpuNanos() - simulatorCpuBefore) / 1e9 / wall
                            : Double.NaN,
                    server.rssKb(),
                    (sockets.received().frames() - framesBefore) / wall,
                    (sockets.received().bytes() - bytesBefore) / 1024.0 / wall,
                    perSecond(sockets.received().byType(), typesBefore, wall),
                    options.criteria().failures(actions));
            report.print(!report.passed());
            if (!report.passed()) {
                System.out.println("FAILED: " + String.join("; ", report.failures()));
                return new Ramp(passed, report);
            }
            System.out.println("passed");
            passed = report;
        }
        return new Ramp(passed, null);
    }

    private void report(Ramp ramp, IdleMemory idle) {
        System.out.printf(
                "%n== Result (pass: every action's avg ≤ %.0f ms and p99 ≤ %.0f ms if seen %d times or more, no"
                        + " errors; levels held %d s; an action every %.1f s on average)%n",
                options.criteria().maxAvgMillis(),
                options.criteria().maxP99Millis(),
                options.criteria().minSamples(),
                options.step().toSeconds(),
                options.actionMean().toMillis() / 1000.0);
        if (ramp.passed() == null) {
            System.out.println("largest number of users that passed: none (the first level failed)");
        } else {
            System.out.printf(
                    "largest number of users that passed: %,d%s%n",
                    ramp.passed().users(), ramp.failed() == null ? " (every level passed: the limit is higher)" : "");
        }
        if (ramp.failed() != null) {
            System.out.printf(
                    "first level that failed: %,d users: %s%n",
                    ramp.failed().users(), String.join("; ", ramp.failed().failures()));
        }
        if (ramp.passed() != null) {
            System.out.printf("%nat %,d users:%n", ramp.passed().users());
            ramp.passed().print(true);
        }
        System.out.println();
        System.out.println("memory per idle connected user: " + idle.describe());
        System.out.println("server start to ready: " + server.startDescription());
        System.out.println("cores: " + server.coresDescription());
    }

    private static Map<String, Double> perSecond(Map<String, Long> after, Map<String, Long> before, double seconds) {
        Map<String, Double> rates = new java.util.TreeMap<>();
        after.forEach((type, count) -> rates.put(type, (count - before.getOrDefault(type, 0L)) / seconds));
        return rates;
    }

    private static long simulatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Each user holds up to two sockets (main and an open chat), and the file descriptor limit caps them. */
    private static void warnAboutFileLimit(SimulationOptions options) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long sockets = 2L * options.maxUsers() * (options.server() == SimulationOptions.ServerMode.PROCESS ? 1 : 2);
            if (sockets + 500 > unix.getMaxFileDescriptorCount()) {
                System.out.printf(
                        "WARNING: up to %,d sockets in this JVM%s, but it may open only %,d files: raise ulimit -n%n",
                        sockets,
                        options.server() == SimulationOptions.ServerMode.PROCESS ? " and as many in the server's" : "",
                        unix.getMaxFileDescriptorCount());
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
