package app.parley.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test in a JVM of its own ({@code parley-server} on the simulator's classpath
 * and JDK), so that its memory and CPU are its own. Its log goes to a file beside the data dir;
 * lines at WARN or ERROR are kept for the report.
 */
final class ServerProcess implements ServerUnderTest {
    private static final Pattern RUNNING = Pattern.compile("Parley is running at http://[^:]+:(\\d+)");
    private static final int PROBLEMS_KEPT = 20;

    private final Process process;
    private final ServerLog log;
    private final URI base;
    private final Duration startToReady;
    private final Duration toListening;
    private final List<String> jvmOptions;

    private ServerProcess(
            Process process, ServerLog log, URI base, Duration toListening, Duration startToReady, List<String> jvm) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.toListening = toListening;
        this.startToReady = startToReady;
        this.jvmOptions = jvm;
    }

    static ServerProcess start(Path dataDir, Path logFile, List<String> jvmOptions, Map<String, String> properties)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "app.parley.server.ParleyServerMain"));
        command.add("--data-dir=" + dataDir);
        command.add("--port=0");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));

        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ServerLog log = new ServerLog(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("server-log").start(() -> log.follow(process));
        int listening;
        try {
            listening = log.port.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; see " + logFile, e);
        }
        Duration toListening = Duration.ofNanos(System.nanoTime() - launched);
        URI base = URI.create("http://127.0.0.1:" + listening);
        awaitHealthy(base);
        return new ServerProcess(
                process, log, base, toListening, Duration.ofNanos(System.nanoTime() - launched), jvmOptions);
    }

    /** The server's output: copied to a file, its port read from the start line, WARN and ERROR lines kept. */
    private static final class ServerLog {
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicLong problemLines = new java.util.concurrent.atomic.AtomicLong();
        private final Writer out;

        ServerLog(Writer out) {
            this.out = out;
        }

        void follow(Process process) {
            try (out;
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.write('\n');
                    Matcher running = RUNNING.matcher(line);
                    if (!port.isDone() && running.find()) {
                        port.complete(Integer.parseInt(running.group(1)));
                    }
                    if ((line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("SEVERE"))
                            && problemLines.incrementAndGet() <= PROBLEMS_KEPT) {
                        problems.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
                    }
                }
            } catch (IOException e) {
                // The process ended; what it logged is in the file.
            }
            port.completeExceptionally(new IllegalStateException("the server's output ended"));
        }
    }

    static void awaitHealthy(URI base) throws InterruptedException {
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest health = HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("GET /health did not answer 200 within 60 s");
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public Duration startToReady() {
        return startToReady;
    }

    @Override
    public String startDescription() {
        return "a new JVM (%s): launch → \"Parley is running\" %.2f s, → GET /health UP %.2f s"
                .formatted(
                        String.join(" ", jvmOptions),
                        toListening.toMillis() / 1000.0,
                        startToReady.toMillis() / 1000.0);
    }

    @Override
    public ProcessMemory.Figures memory() {
        return ProcessMemory.ofJvm(process.pid());
    }

    @Override
    public long rssKb() {
        return ProcessMemory.rssKb(process.pid());
    }

    @Override
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public String coresDescription() {
        return ("the server runs in its own JVM (pid %d, %s), the simulator in this one; both share the machine's %d"
                        + " cores, unpinned, so the simulator's CPU (shown per step) is taken from the server's")
                .formatted(
                        process.pid(),
                        String.join(" ", jvmOptions),
                        Runtime.getRuntime().availableProcessors());
    }

    @Override
    public List<String> problems() {
        List<String> kept;
        synchronized (log.problems) {
            kept = new ArrayList<>(log.problems);
        }
        long more = log.problemLines.get() - kept.size();
        if (more > 0) {
            kept.add("… and %,d more (see the log)".formatted(more));
        }
        return kept;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
