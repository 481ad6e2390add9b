package app.parley.server.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A poor man's profile for {@link RealtimeBenchmark}: CPU time of the process and of each group
 * of platform threads (named without their trailing numbers) between two snapshots, plus GC time.
 * Virtual threads run on the carrier threads ({@code ForkJoinPool-N-worker-M}), whose CPU time
 * includes theirs.
 */
final class CpuUsage {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long wallNanos;
    private final long processNanos;
    private final long gcMillis;
    private final long gcCount;
    private final Map<Long, Long> cpuByThread;
    private final Map<Long, String> groupByThread;

    private CpuUsage() {
        wallNanos = System.nanoTime();
        processNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long millis = 0;
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
            count += Math.max(0, gc.getCollectionCount());
        }
        gcMillis = millis;
        gcCount = count;
        cpuByThread = new HashMap<>();
        groupByThread = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    cpuByThread.put(info.getThreadId(), cpu);
                    groupByThread.put(info.getThreadId(), group(info.getThreadName()));
                }
            }
        }
    }

    static CpuUsage now() {
        return new CpuUsage();
    }

    /** "cpu 1.83 of 2 cores: parley event loop 0.52, blocking (carriers) 0.61, client 0.40, ...; gc 3 × 12 ms". */
    String since(CpuUsage before) {
        double wall = wallNanos - before.wallNanos;
        Map<String, Long> byGroup = new HashMap<>();
        cpuByThread.forEach((id, cpu) -> {
            long earlier = before.cpuByThread.getOrDefault(id, 0L);
            byGroup.merge(groupByThread.get(id), cpu - earlier, Long::sum);
        });
        Map<String, Long> top = byGroup.entrySet().stream()
                .filter(e -> e.getValue() / wall >= 0.01)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        String groups = top.entrySet().stream()
                .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue() / wall))
                .collect(Collectors.joining(", "));
        return "cpu %.2f of %d cores (%s); gc %d × %d ms"
                .formatted(
                        (processNanos - before.processNanos) / wall,
                        Runtime.getRuntime().availableProcessors(),
                        groups,
                        gcCount - before.gcCount,
                        gcMillis - before.gcMillis);
    }

    private static String group(String name) {
        String trimmed = name.replaceAll("[-_#]?\\d+$", "").replaceAll("-\\d+-", "-N-");
        return trimmed.isEmpty() ? name : trimmed;
    }
}
