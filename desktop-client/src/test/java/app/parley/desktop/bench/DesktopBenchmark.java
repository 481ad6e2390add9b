package app.parley.desktop.bench;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ServerAddress;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.session.SignedIn;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import app.parley.server.ParleyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javafx.application.Platform;

/**
 * The desktop app's figures (docs/benchmarks.md): launch to a usable chat list when
 * joining a server and when hosting one, resident memory with a 10,000-message conversation
 * loaded, and the FX thread's time per page of older messages.
 *
 * <p>Options: {@code --launches=5 --chats=50 --messages=10000 --app-jvm=-Xmx256m,-XX:+UseSerialGC
 * --parts=launch,memory,append --readers=top,newest --heap-dump=FILE} ({@code --heap-dump} writes the app's heap, with the
 * conversation loaded, to FILE for a heap analyser; {@code --app-jvm} flags go to the app's JVM, comma-separated;
 * {@code --parts} runs only some of the three, {@code --readers} only some of the page-append runs, {@code join} or {@code host} only one kind of launch; {@code --app-image=installer/target/dist/Parley}
 * launches the packaged app instead, under a display such as {@code xvfb-run}).
 */
public final class DesktopBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(3);

    private DesktopBenchmark() {}

    public static void main(String[] args) throws Exception {
        int launches = intOption(args, "launches", 5);
        int chats = intOption(args, "chats", 50);
        int messages = intOption(args, "messages", 10_000);
        List<String> imageOption = listOption(args, "app-image");
        var appJvm = new AppProcess.Launch(
                imageOption.stream().map(Path::of).findFirst(),
                imageOption.isEmpty() ? AppProcess.jvmFlags(listOption(args, "app-jvm")) : listOption(args, "app-jvm"));
        List<String> parts = listOption(args, "parts");
        if (parts.isEmpty()) {
            parts = List.of("launch", "memory", "append");
        }
        Path work = Files.createTempDirectory("parley-desktop-bench");
        System.out.printf(
                Locale.ROOT,
                "Desktop benchmark: %d chats, %d messages in the big one, %d launches each; %d cores; in %s%n",
                chats,
                messages,
                launches,
                Runtime.getRuntime().availableProcessors(),
                work);
        System.out.println("The app starts from " + appJvm.describe());

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ParleyServer server = ParleyServer.start(seedable(work.resolve("server"), 0))) {
            ServerAddress address = ServerAddress.of(server.localUri());
            long seedStart = System.nanoTime();
            BenchData data = BenchData.seed(ApiClient.of(http, ParleyJson.mapper(), address), chats, messages);
            System.out.printf(Locale.ROOT, "Seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

            var joined = new SavedSession(
                    address.toString(),
                    false,
                    0,
                    data.profile().username(),
                    data.me().token());
            List<long[]> joins = new ArrayList<>();
            boolean join = parts.contains("launch") || parts.contains("join");
            boolean host = parts.contains("launch") || parts.contains("host");
            for (int i = 0; join && i < launches; i++) {
                Path home = work.resolve("join-" + i);
                save(home, joined);
                try (AppProcess app = AppProcess.launch(home, appJvm, List.of())) {
                    long[] ready = app.awaitLine("chats", WAIT);
                    long total = app.awaitReport("chats", WAIT);
                    joins.add(new long[] {total, ready[2], Math.round(app.statusMb("VmRSS"))});
                }
            }
            if (join) {
                report("Launch to chat list, joining a server (target < 2 s)", joins);
            }
            if (host) {
                List<long[]> hosts = hosting(work, chats, launches, appJvm, http);
                report("Launch to chat list, hosting (server start included, target < 3 s)", hosts);
            }

            Path home = work.resolve("memory");
            save(home, joined);
            if (parts.contains("memory")) {
                try (AppProcess app = AppProcess.launch(
                        home, appJvm, List.of("parley.desktop.bench.open-chat=" + data.bigChatId()))) {
                    app.awaitLine("chats", WAIT);
                    long[] history = app.awaitLine("history", WAIT);
                    Thread.sleep(2000);
                    System.out.printf(
                            Locale.ROOT,
                            "%nMemory with %d chats and the big conversation loaded (%d items, all pages, in %d ms "
                                    + "since the process started), 2 s later: VmRSS %.0f MB, VmHWM (peak) %.0f MB "
                                    + "(target < 250 MB); of VmRSS, %.0f MB the process's own (RssAnon), "
                                    + "%.0f MB mapped files shared with other processes (RssFile: libraries, "
                                    + "class-data archives)%n",
                            chats,
                            history[3],
                            history[2],
                            app.statusMb("VmRSS"),
                            app.statusMb("VmHWM"),
                            app.statusMb("RssAnon"),
                            app.statusMb("RssFile"));
                    if (appJvm.jvmFlags().stream().anyMatch(flag -> flag.startsWith("-XX:NativeMemoryTracking"))) {
                        System.out.println(app.nativeMemory());
                    }
                    for (String dump : listOption(args, "heap-dump")) {
                        System.out.println(app.heapDump(Path.of(dump).toAbsolutePath()));
                    }
                }
            }
            if (parts.contains("append")) {
                appendPages(data, listOption(args, "readers"));
            }
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void appendPages(BenchData data, List<String> readers) throws Exception {
        Platform.startup(() -> {});
        ChatRoom big = data.me().chats().stream()
                .filter(chat -> chat.id() == data.bigChatId())
                .findFirst()
                .orElseThrow();
        var session = new SignedIn(data.me(), data.profile(), false, 0);
        for (var reader : PageAppendBenchmark.Reader.values()) {
            if (!readers.isEmpty() && !readers.contains(reader.option)) {
                continue;
            }
            var samples = new PageAppendBenchmark(session, big, reader).run(Duration.ofMinutes(10));
            System.out.printf(
                    Locale.ROOT,
                    "%nPages of older messages appended in this JVM, reader %s (%d pages, %s):%n",
                    reader.description,
                    samples.size(),
                    Runtime.version());
            appendFigures(samples);
        }
    }

    private static void appendFigures(List<PageAppendBenchmark.Sample> samples) {
        percentiles(
                "  task (olderLoaded: addAll(0, page) and its listeners)", samples, PageAppendBenchmark.Sample::task);
        percentiles("  CSS + layout of the next two pulses", samples, PageAppendBenchmark.Sample::pulses);
        percentiles("  together (target: none over 16 ms)", samples, PageAppendBenchmark.Sample::total);
        percentiles("  the FX thread's CPU time in that", samples, PageAppendBenchmark.Sample::cpu);
        long over = samples.stream().filter(s -> s.total() > 16_000_000).count();
        List<String> which = java.util.stream.IntStream.range(0, samples.size())
                .filter(i -> samples.get(i).total() > 16_000_000)
                .mapToObj(i -> String.format(
                        Locale.ROOT, "#%d %.1f ms", i + 1, samples.get(i).total() / 1e6))
                .toList();
        System.out.printf(
                Locale.ROOT, "  pages over 16 ms: %d of %d %s%n", over, samples.size(), which.isEmpty() ? "" : which);
        int tenth = Math.max(1, samples.size() / 10);
        percentiles(
                "  together, first tenth of the pages", samples.subList(0, tenth), PageAppendBenchmark.Sample::total);
        percentiles(
                "  together, last tenth of the pages",
                samples.subList(samples.size() - tenth, samples.size()),
                PageAppendBenchmark.Sample::total);
    }

    /** A server that takes the seeding's 10,000 messages from one person at full speed. */
    private static ParleyServer.Settings seedable(Path dataDir, int port) {
        return ParleyServer.Settings.of(dataDir, port)
                .withProperty("parley.rate-limits.messages-per-minute", 10_000_000);
    }

    /** The app's own server in its folder, seeded first by this JVM, then started by the app at each launch. */
    private static List<long[]> hosting(Path work, int chats, int launches, AppProcess.Launch appJvm, HttpClient http)
            throws Exception {
        Path home = work.resolve("host");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BenchData data;
        try (ParleyServer own = ParleyServer.start(seedable(home.resolve("server"), port))) {
            data = BenchData.seed(ApiClient.of(http, ParleyJson.mapper(), ServerAddress.of(own.localUri())), chats, 0);
        }
        var hosted = new SavedSession(
                "http://127.0.0.1:" + port,
                true,
                port,
                data.profile().username(),
                data.me().token());
        save(home, hosted);
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            try (AppProcess app = AppProcess.launch(home, appJvm, List.of())) {
                long[] ready = app.awaitLine("chats", WAIT);
                long total = app.awaitReport("chats", WAIT);
                runs.add(new long[] {total, ready[2], Math.round(app.statusMb("VmRSS"))});
            }
        }
        return runs;
    }

    private static void save(Path home, SavedSession session) throws IOException {
        Files.createDirectories(home);
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper()).save(session);
    }

    private static void report(String title, List<long[]> runs) {
        System.out.printf("%n%s:%n", title);
        for (long[] run : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "  %5d ms from launch (%5d ms from the process's start), VmRSS then %d MB%n",
                    run[0],
                    run[1],
                    run[2]);
        }
        long[] totals = runs.stream().mapToLong(run -> run[0]).sorted().toArray();
        System.out.printf(
                Locale.ROOT, "  median %d ms, max %d ms%n", totals[totals.length / 2], totals[totals.length - 1]);
    }

    private static <T> void percentiles(String title, List<T> samples, ToLongFunction<T> nanos) {
        long[] sorted = samples.stream().mapToLong(nanos).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%-60s p50 %6.2f ms, p95 %6.2f ms, max %6.2f ms%n",
                title,
                at(sorted, 0.50) / 1e6,
                at(sorted, 0.95) / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> Integer.parseInt(arg.substring(name.length() + 3)))
                .reduce((first, last) -> last)
                .orElse(fallback);
    }

    private static List<String> listOption(String[] args, String name) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--" + name + "="))
                .flatMap(arg -> Arrays.stream(arg.substring(name.length() + 3).split(",")))
                .filter(flag -> !flag.isBlank())
                .toList();
    }
}
