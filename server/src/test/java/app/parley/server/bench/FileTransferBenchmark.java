package app.parley.server.bench;

import app.parley.server.ParleyServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Upload and download of one large file through a real Parley server, and what they cost the
 * server's heap.
 *
 * <p>A server in a temp data dir ({@code parley.files.max-file-size} raised to fit the file,
 * no quota); one user registered and one group created over HTTP. A file of {@code --size-mb}
 * pseudo-random bytes is written to disk in 1 MB chunks (hashed on the way). Each run then:
 * <ul>
 *   <li><b>upload</b>: {@code POST /api/v1/chats/{group}/files}, a real multipart/form-data
 *       body (part {@code file}) streamed from disk by {@code java.net.http} with a known
 *       Content-Length; checks 201 and the returned {@code size};</li>
 *   <li><b>download</b>: {@code GET /api/v1/files/{id}}, read as a stream, counted and
 *       SHA-256-hashed, never kept; checks the size and the hash against the original.</li>
 * </ul>
 *
 * <p>Memory: the server runs in this JVM, so the harness watches this JVM's heap. Before each
 * phase, {@code System.gc()} gives the <b>baseline</b>; during it, a thread samples heap used
 * every {@code --sample-ms} (<b>peak used</b>: live objects plus garbage not yet collected) and a
 * GC listener records the heap left after each collection that empties eden (<b>after-GC
 * heap</b>: an upper bound of the live heap, since old-generation garbage stays until a mixed or
 * full GC). <b>Heap growth</b> = max after-GC heap − baseline, the figure that would grow with the
 * file if anything held it; a last {@code System.gc()} after the phase shows what was retained.
 * The client's side streams from disk and into a digest through small buffers, so it adds
 * little to either. Direct (off-heap) buffers are reported too.
 *
 * <p>Run: {@code mvn -o -q -pl server -am test-compile exec:exec -Dparley.exec.scope=test
 * -Dparley.server.main=app.parley.server.bench.FileTransferBenchmark} (optionally
 * {@code -Dparley.args="--size-mb=1024 --runs=1"} and {@code -Dparley.exec.jvmArgs=-Xmx256m});
 * see {@link Options} for every option. Exits with 1 if any transfer was wrong.
 */
public final class FileTransferBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MB = 1024 * 1024;
    private static final long GROWTH_TARGET = 64 * MB;

    private FileTransferBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long bytes = options.sizeMb * MB;
        System.out.printf(
                "Parley file transfer benchmark: %,d MB file, %d run(s); JDK %s, %d cores, load average %.2f, "
                        + "max heap %,d MB, GC %s%n",
                options.sizeMb,
                options.runs,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / MB,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        System.out.printf("options: %s%n", options);

        Path dataDir = Files.createTempDirectory("parley-files-bench-");
        Path workDir = Files.createTempDirectory("parley-files-bench-client-");
        List<Result> results = new ArrayList<>();
        boolean allCorrect = true;
        ParleyServer.Settings settings = ParleyServer.Settings.of(dataDir, 0)
                .withProperty("parley.files.max-file-size", Math.max(bytes, 2048 * MB))
                .withProperty("parley.files.user-quota", 0);
        for (Map.Entry<String, String> property : options.properties.entrySet()) {
            settings = settings.withProperty(property.getKey(), property.getValue());
        }
        try (HeapMonitor heap = new HeapMonitor(options.sampleMillis);
                ParleyServer server = ParleyServer.start(settings)) {
            URI base = server.localUri();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            JsonNode session = postJson(
                    http,
                    base.resolve("/api/v1/auth/register"),
                    null,
                    Map.of("username", "bench", "password", "password-bench"),
                    201);
            String token = session.get("access_token").asText();
            long chatId = postJson(http, base.resolve("/api/v1/group"), token, Map.of("name", "bench"), 200)
                    .get("group")
                    .get("id")
                    .asLong();
            System.out.printf(
                    "server at %s (data dir %s); user 'bench' registered, group %d created%n", base, dataDir, chatId);

            for (int run = 1; run <= options.runs; run++) {
                // A different file each run: the store keeps equal bytes once, and a repeat would not be a new upload.
                Path file = workDir.resolve("upload-" + run + ".bin");
                long start = System.nanoTime();
                String sha256 = writeTestFile(file, bytes, run);
                System.out.printf(
                        "%n== run %d: wrote %s (%,d bytes, sha256 %s…) in %.1f s%n",
                        run, file.getFileName(), bytes, sha256.substring(0, 16), (System.nanoTime() - start) / 1e9);

                Result upload = upload(http, base, token, chatId, file, bytes, heap);
                results.add(upload.labelled("upload", run));
                System.out.println(upload.line("upload"));
                if (upload.correct) {
                    Path stored = dataDir.resolve("files")
                            .resolve(sha256.substring(0, 2))
                            .resolve(sha256);
                    if (!Files.exists(stored) || Files.size(stored) != bytes) {
                        upload =
                                upload.wrong("the server did not store the bytes under their SHA-256 (" + stored + ")");
                        results.set(results.size() - 1, upload.labelled("upload", run));
                        System.out.println("  " + upload.problem);
                    }
                }
                if (upload.correct) {
                    Result download = download(http, base, token, upload.fileId, bytes, sha256, heap);
                    results.add(download.labelled("download", run));
                    System.out.println(download.line("download"));
                    allCorrect &= download.correct;
                }
                allCorrect &= upload.correct;
                Files.deleteIfExists(file);
            }
        } finally {
            deleteTree(workDir);
            deleteTree(dataDir);
        }
        summary(options, results);
        if (!allCorrect) {
            System.out.println("\nFAILED: at least one transfer was wrong (see above)");
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- the test file

    /** Writes {@code bytes} pseudo-random bytes in 1 MB chunks and returns their SHA-256 (hex). */
    private static String writeTestFile(Path file, long bytes, long seed) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[(int) MB];
        ByteBuffer longs = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; ) {
                longs.clear();
                while (longs.remaining() >= Long.BYTES) {
                    longs.putLong(random.nextLong());
                }
                int length = (int) Math.min(chunk.length, bytes - written);
                digest.update(chunk, 0, length);
                out.write(chunk, 0, length);
                written += length;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // ---------------------------------------------------------------- the two transfers

    private static Result upload(
            HttpClient http, URI base, String token, long chatId, Path file, long bytes, HeapMonitor heap)
            throws Exception {
        String boundary = "ParleyBenchBoundary" + Long.toHexString(System.nanoTime());
        byte[] preamble = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] epilogue = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/chats/" + chatId + "/files"))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(preamble),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(epilogue)))
                .build();
        long requestBytes = preamble.length + bytes + epilogue.length;

        HeapMonitor.Phase phase = heap.begin();
        CpuUsage cpuBefore = CpuUsage.now();
        long[] machineBefore = machineCpu();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            long nanos = System.nanoTime() - start;
            return new Result(nanos, requestBytes, heap.end(phase), cpu(cpuBefore, machineBefore), -1)
                    .wrong("the upload failed: " + e);
        }
        long nanos = System.nanoTime() - start;
        String cpu = cpu(cpuBefore, machineBefore);
        HeapMonitor.Figures memory = heap.end(phase);
        Result result = new Result(nanos, bytes, memory, cpu, -1);
        if (response.statusCode() != 201) {
            return result.wrong("POST answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        JsonNode attachment = JSON.readTree(response.body());
        long size = attachment.get("size").asLong();
        result = new Result(nanos, bytes, memory, cpu, attachment.get("id").asLong());
        return size == bytes ? result : result.wrong("the server says size " + size + ", the file has " + bytes);
    }

    private static Result download(
            HttpClient http, URI base, String token, long fileId, long bytes, String sha256, HeapMonitor heap)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/files/" + fileId))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long received = 0;
        int status;

        HeapMonitor.Phase phase = heap.begin();
        CpuUsage cpuBefore = CpuUsage.now();
        long[] machineBefore = machineCpu();
        long start = System.nanoTime();
        String failure = null;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    received += n;
                }
            }
        } catch (IOException e) {
            status = -1;
            failure = "the download failed after " + received + " bytes: " + e;
        }
        long nanos = System.nanoTime() - start;
        String cpu = cpu(cpuBefore, machineBefore);
        Result result = new Result(nanos, received, heap.end(phase), cpu, fileId);
        String hash = HexFormat.of().formatHex(digest.digest());
        if (failure != null) {
            return result.wrong(failure);
        }
        if (status != 200) {
            return result.wrong("GET answered " + status);
        }
        if (received != bytes) {
            return result.wrong("received " + received + " bytes, the file has " + bytes);
        }
        return hash.equals(sha256) ? result : result.wrong("SHA-256 of the download " + hash + " ≠ original " + sha256);
    }

    // ---------------------------------------------------------------- figures

    /** This process's CPU since {@code before}, and the whole machine's (other processes compete for the cores). */
    private static String cpu(CpuUsage before, long[] machineBefore) {
        String process = CpuUsage.now().since(before);
        long[] machine = machineCpu();
        if (machine == null || machineBefore == null || machine[1] == machineBefore[1]) {
            return process;
        }
        double busy = (double) (machine[0] - machineBefore[0]) / (machine[1] - machineBefore[1]);
        return process
                + "; whole machine %.2f of %d cores busy"
                        .formatted(
                                busy * Runtime.getRuntime().availableProcessors(),
                                Runtime.getRuntime().availableProcessors());
    }

    /** {busy, total} jiffies of all cores from /proc/stat, or null where there is none. */
    private static long[] machineCpu() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One transfer: its time, bytes, what the heap did meanwhile, and whether it was right. */
    private record Result(
            String label,
            long nanos,
            long bytes,
            HeapMonitor.Figures memory,
            String cpu,
            long fileId,
            boolean correct,
            String problem) {
        Result(long nanos, long bytes, HeapMonitor.Figures memory, String cpu, long fileId) {
            this(null, nanos, bytes, memory, cpu, fileId, true, null);
        }

        Result wrong(String why) {
            return new Result(label, nanos, bytes, memory, cpu, fileId, false, why);
        }

        Result labelled(String phase, int run) {
            return new Result(phase + " #" + run, nanos, bytes, memory, cpu, fileId, correct, problem);
        }

        double mbPerSecond() {
            return bytes / (double) MB / (nanos / 1e9);
        }

        String line(String phase) {
            HeapMonitor.Figures m = memory;
            return "[%s] %,d MB in %.2f s = %,.0f MB/s  %s%n  heap: baseline %,.1f MB, peak used %,.1f MB (+%,.1f), max after-GC %,.1f MB "
                            .formatted(
                                    phase,
                                    bytes / MB,
                                    nanos / 1e9,
                                    mbPerSecond(),
                                    correct ? "OK" : "WRONG: " + problem,
                                    m.baseline() / (double) MB,
                                    m.peakUsed() / (double) MB,
                                    m.peakAboveBaseline() / (double) MB,
                                    m.maxAfterGc() / (double) MB)
                    + "(growth %+,.1f MB) over %d GCs; after the phase + System.gc(): %+,.1f MB; %,d samples%n"
                            .formatted(
                                    m.growth() / (double) MB, m.collections(), m.retained() / (double) MB, m.samples())
                    + "  direct: peak %s%n  %s".formatted(m.direct(), cpu);
        }
    }

    private static void summary(Options options, List<Result> results) {
        System.out.printf(
                "%n== Summary (%,d MB file; heap figures in MB; heap growth = max after-GC heap − baseline, target <"
                        + " %d MB)%n",
                options.sizeMb, GROWTH_TARGET / MB);
        String format = "%-13s %9s %8s %5s %9s %10s %10s %12s %12s %9s  %s%n";
        System.out.printf(
                format,
                "transfer",
                "time s",
                "MB/s",
                "ok",
                "baseline",
                "peak used",
                "peak−base",
                "max after-GC",
                "heap growth",
                "GCs",
                "target");
        for (Result r : results) {
            HeapMonitor.Figures m = r.memory;
            System.out.printf(
                    format,
                    r.label,
                    "%.2f".formatted(r.nanos / 1e9),
                    "%,.0f".formatted(r.mbPerSecond()),
                    r.correct ? "yes" : "NO",
                    "%,.1f".formatted(m.baseline() / (double) MB),
                    "%,.1f".formatted(m.peakUsed() / (double) MB),
                    "%,.1f".formatted(m.peakAboveBaseline() / (double) MB),
                    "%,.1f".formatted(m.maxAfterGc() / (double) MB),
                    "%+,.1f".formatted(m.growth() / (double) MB),
                    m.collections(),
                    m.growth() < GROWTH_TARGET ? "met" : "NOT met");
        }
        System.out.printf(
                "%nThe client runs in the same JVM: it streams the upload from disk (java.net.http ofFile) and reads"
                        + " the%ndownload through a 64 KB buffer into SHA-256, keeping nothing, so the heap figures are"
                        + " essentially the server's.%nPeak used includes garbage not yet collected; after-GC figures"
                        + " (young, mixed and full pauses) include the%nold-generation garbage a young GC leaves.%n");
    }

    // ---------------------------------------------------------------- the heap watcher

    /**
     * Samples heap used on a daemon thread and listens to GC notifications; {@link #begin()} and
     * {@link #end} delimit one phase. Only one phase at a time.
     */
    static final class HeapMonitor implements AutoCloseable {
        private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final List<BufferPoolMXBean> bufferPools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        private final LongSupplier nettyDirect = nettyDirectCounter();
        private final Map<NotificationEmitter, NotificationListener> listeners = new LinkedHashMap<>();
        private final Thread sampler;
        private volatile Phase current;
        private volatile boolean running = true;

        HeapMonitor(int sampleMillis) {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener listener = (notification, handback) -> {
                        if (notification
                                .getType()
                                .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            afterGc(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    listeners.put(emitter, listener);
                }
            }
            sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(() -> {
                while (running) {
                    Phase phase = current;
                    if (phase != null) {
                        phase.sample(MEMORY.getHeapMemoryUsage().getUsed(), directUsed(), nettyDirect.getAsLong());
                    }
                    try {
                        Thread.sleep(sampleMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Collects garbage, takes the baseline and starts watching. */
        Phase begin() throws InterruptedException {
            long baseline = collect();
            Phase phase = new Phase(baseline, directUsed(), nettyDirect.getAsLong());
            current = phase;
            return phase;
        }

        /** Stops watching, collects garbage once more and returns the phase's figures. */
        Figures end(Phase phase) throws InterruptedException {
            phase.sample(MEMORY.getHeapMemoryUsage().getUsed(), directUsed(), nettyDirect.getAsLong());
            current = null;
            long after = collect();
            return phase.figures(after);
        }

        /** Heap used after a full collection (System.gc() twice, the GC notifications of it let through first). */
        private static long collect() throws InterruptedException {
            System.gc();
            System.gc();
            Thread.sleep(200);
            return MEMORY.getHeapMemoryUsage().getUsed();
        }

        private void afterGc(GarbageCollectionNotificationInfo info) {
            Phase phase = current;
            if (phase == null || "System.gc()".equals(info.getGcCause())) {
                return;
            }
            long live = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    live += pool.getValue().getUsed();
                }
            }
            // G1's concurrent cycle reports its Remark and Cleanup pauses too; they leave eden as it
            // was, so the heap "after" them still holds the garbage of eden: only count the others.
            phase.afterGc(live, !info.getGcName().equals("G1 Concurrent GC"));
        }

        private long directUsed() {
            return bufferPools.stream()
                    .filter(pool -> pool.getName().equals("direct"))
                    .mapToLong(BufferPoolMXBean::getMemoryUsed)
                    .sum();
        }

        /** Netty's own count of the direct memory it allocated without a Cleaner (-1 if it does not count). */
        private static LongSupplier nettyDirectCounter() {
            try {
                var method = Class.forName("io.netty.util.internal.PlatformDependent")
                        .getMethod("usedDirectMemory");
                return () -> {
                    try {
                        return (long) method.invoke(null);
                    } catch (ReflectiveOperationException e) {
                        return -1;
                    }
                };
            } catch (ReflectiveOperationException e) {
                return () -> -1;
            }
        }

        @Override
        public void close() throws ListenerNotFoundException {
            running = false;
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // keep the flag; the sampler is a daemon told to stop
            }
            for (Map.Entry<NotificationEmitter, NotificationListener> entry : listeners.entrySet()) {
                entry.getKey().removeNotificationListener(entry.getValue());
            }
        }

        static final class Phase {
            private final long baseline;
            private final long directBaseline;
            private final long nettyBaseline;
            private final AtomicLong peakUsed = new AtomicLong();
            private final AtomicLong peakDirect = new AtomicLong();
            private final AtomicLong peakNetty = new AtomicLong(-1);
            private final AtomicLong maxAfterGc = new AtomicLong(-1);
            private final AtomicInteger collections = new AtomicInteger();
            private final AtomicInteger samples = new AtomicInteger();

            Phase(long baseline, long directBaseline, long nettyBaseline) {
                this.baseline = baseline;
                this.directBaseline = directBaseline;
                this.nettyBaseline = nettyBaseline;
                peakUsed.set(baseline);
                peakDirect.set(directBaseline);
                peakNetty.set(nettyBaseline);
            }

            void sample(long used, long direct, long netty) {
                peakUsed.accumulateAndGet(used, Math::max);
                peakDirect.accumulateAndGet(direct, Math::max);
                peakNetty.accumulateAndGet(netty, Math::max);
                samples.incrementAndGet();
            }

            void afterGc(long live, boolean evacuated) {
                if (evacuated) {
                    maxAfterGc.accumulateAndGet(live, Math::max);
                }
                collections.incrementAndGet();
            }

            Figures figures(long afterPhase) {
                long afterGc = maxAfterGc.get() < 0 ? baseline : maxAfterGc.get();
                String direct = "NIO direct buffers %,.1f MB (baseline %,.1f)"
                                .formatted(peakDirect.get() / (double) MB, directBaseline / (double) MB)
                        + (nettyBaseline < 0
                                ? ""
                                : ", Netty direct memory %,.1f MB (baseline %,.1f)"
                                        .formatted(peakNetty.get() / (double) MB, nettyBaseline / (double) MB));
                return new Figures(
                        baseline,
                        peakUsed.get(),
                        afterGc,
                        afterPhase - baseline,
                        collections.get(),
                        samples.get(),
                        direct);
            }
        }

        /** Bytes; {@code maxAfterGc} is the baseline when no collection happened during the phase. */
        record Figures(
                long baseline,
                long peakUsed,
                long maxAfterGc,
                long retained,
                int collections,
                int samples,
                String direct) {
            long peakAboveBaseline() {
                return peakUsed - baseline;
            }

            long growth() {
                return maxAfterGc - baseline;
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static JsonNode postJson(HttpClient http, URI uri, String token, Object body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
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

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    /**
     * {@code --size-mb=1024 --runs=1 --sample-ms=10 --property=KEY=VALUE} (a Parley config
     * property, repeatable).
     */
    private record Options(int sizeMb, int runs, int sampleMillis, Map<String, String> properties) {
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
                    integer(all, "--size-mb=", 1024),
                    integer(all, "--runs=", 1),
                    integer(all, "--sample-ms=", 10),
                    properties);
        }

        private static int integer(List<String> args, String prefix, int fallback) {
            return args.stream()
                    .filter(a -> a.startsWith(prefix))
                    .map(a -> a.substring(prefix.length()))
                    .reduce((a, b) -> b)
                    .map(v -> Integer.parseInt(v.replace("_", "")))
                    .orElse(fallback);
        }

        @Override
        public String toString() {
            return "size-mb=%d runs=%d sample-ms=%d%s"
                    .formatted(sizeMb, runs, sampleMillis, properties.isEmpty() ? "" : " properties=" + properties);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
