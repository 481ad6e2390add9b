package app.parley.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a process on Linux: the heap in use after a full collection (live objects), and the
 * resident set from {@code /proc} right after that collection. Both are read after one, because a
 * full collection lets G1 give heap back to the OS: a resident set read before it would mostly
 * measure garbage and when the last collection happened.
 */
final class ProcessMemory {
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** {@code jcmd PID GC.heap_info}: "garbage-first heap   total reserved 1048576K, committed 65536K, used 24310K". */
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");

    private ProcessMemory() {}

    /** Kilobytes; -1 when unknown. */
    record Figures(long rssKb, long heapUsedKb) {
        static Figures difference(Figures after, Figures before) {
            return new Figures(after.rssKb - before.rssKb, after.heapUsedKb - before.heapUsedKb);
        }
    }

    static long rssKb(long pid) {
        try {
            Matcher m = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** This JVM: a full collection, then the heap in use (live objects only, near enough). */
    static Figures ofThisJvm() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Figures(rssKb(ProcessHandle.current().pid()), used / 1024);
    }

    /**
     * Another JVM of the same JDK: {@code jcmd PID GC.run}, then {@code GC.heap_info}. jcmd attaches
     * through the JVM's attach mechanism; it costs the target a full collection and nothing else.
     */
    static Figures ofJvm(long pid) {
        long heap = -1;
        try {
            jcmd(pid, "GC.run");
            Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            if (m.find()) {
                heap = Long.parseLong(m.group(1));
            }
        } catch (IOException | InterruptedException e) {
            // The heap stays unknown; the resident set is still worth reporting.
        }
        return new Figures(rssKb(pid), heap);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
