package app.parley.server.bench;

import app.parley.server.ParleyServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The server under test in the simulator's own JVM, as {@link RealtimeBenchmark} runs it. Its
 * memory and CPU cannot be told apart from the simulator's; its start is timed on a JVM whose
 * classes the seeding servers already loaded, so it is quicker than a real start.
 */
final class InProcessServer implements ServerUnderTest {
    private final ParleyServer server;
    private final Duration startToReady;

    private InProcessServer(ParleyServer server, Duration startToReady) {
        this.server = server;
        this.startToReady = startToReady;
    }

    static InProcessServer start(Path dataDir, Map<String, String> properties) throws InterruptedException {
        ParleyServer.Settings settings = ParleyServer.Settings.of(dataDir, 0);
        for (var property : properties.entrySet()) {
            settings = settings.withProperty(property.getKey(), property.getValue());
        }
        long start = System.nanoTime();
        ParleyServer server = ParleyServer.start(settings);
        ServerProcess.awaitHealthy(URI.create("http://127.0.0.1:" + server.port()));
        return new InProcessServer(server, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public Duration startToReady() {
        return startToReady;
    }

    @Override
    public String startDescription() {
        return "ParleyServer.start → GET /health UP %.2f s, in the simulator's JVM (classes already loaded and JIT-warm"
                        .formatted(startToReady.toMillis() / 1000.0)
                + " from seeding: a real start takes longer, see --server=process)";
    }

    @Override
    public ProcessMemory.Figures memory() {
        return ProcessMemory.ofThisJvm();
    }

    @Override
    public long rssKb() {
        return ProcessMemory.rssKb(ProcessHandle.current().pid());
    }

    @Override
    public Duration cpu() {
        return Duration.ofNanos(
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime());
    }

    @Override
    public String coresDescription() {
        return ("the server and the simulator run in one JVM on the machine's %d cores: CPU and memory figures are"
                        + " of both together")
                .formatted(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public List<String> problems() {
        return List.of();
    }

    @Override
    public void close() {
        server.close();
    }
}
