package app.parley.desktop.bench;

import app.parley.desktop.app.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The desktop app in a JVM of its own, launched as its launcher would be (the benchmark's java,
 * classpath and headless flags), with a report file its {@code BenchProbe} writes to.
 */
final class AppProcess implements AutoCloseable {
    /** The system properties that make JavaFX headless in the benchmark's JVM, passed on to the app's. */
    private static final List<String> HEADLESS = List.of(
            "testfx.robot",
            "testfx.headless",
            "prism.order",
            "prism.text",
            "glass.platform",
            "monocle.platform",
            "java.awt.headless");

    private final Process process;
    private final Path report;
    private final long startedAt;

    private AppProcess(Process process, Path report, long startedAt) {
        this.process = process;
        this.report = report;
        this.startedAt = startedAt;
    }

    /** The JVM flags the app gets besides the headless ones. */
    static List<String> jvmFlags(List<String> extra) {
        List<String> flags = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        flags.addAll(extra);
        return flags;
    }

    /**
     * How the app is started: from this JVM's class path with its headless flags (the way the
     * README's command runs it), or as the packaged app-image's own launcher, which needs a display
     * ({@code xvfb-run}) and gets the benchmark's properties through {@code JAVA_TOOL_OPTIONS}.
     */
    record Launch(Optional<Path> appImage, List<String> jvmFlags) {
        String describe() {
            return appImage.map(image -> "the app-image's launcher " + image.resolve("bin/Parley")
                            + " (its own runtime and options; JAVA_TOOL_OPTIONS adds: " + String.join(" ", jvmFlags)
                            + ")")
                    .orElse("this class path; app JVM flags (besides headless Monocle ones): "
                            + String.join(" ", jvmFlags));
        }

        ProcessBuilder process(List<String> properties) {
            if (appImage.isPresent()) {
                List<String> options = new ArrayList<>(jvmFlags);
                properties.forEach(property -> options.add("-D" + property));
                var builder =
                        new ProcessBuilder(appImage.get().resolve("bin/Parley").toString());
                builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
                return builder;
            }
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmFlags);
            for (String key : HEADLESS) {
                String value = System.getProperty(key);
                if (value != null) {
                    command.add("-D" + key + "=" + value);
                }
            }
            properties.forEach(property -> command.add("-D" + property));
            command.add("-classpath");
            command.add(System.getProperty("java.class.path"));
            command.add(Launcher.class.getName());
            return new ProcessBuilder(command);
        }
    }

    static AppProcess launch(Path home, Launch how, List<String> properties) throws IOException {
        Files.createDirectories(home);
        Path report = home.resolve("ready.txt");
        Files.deleteIfExists(report);
        List<String> all = new ArrayList<>();
        all.add("parley.desktop.home=" + home);
        all.add("parley.desktop.locale=en");
        all.add("parley.desktop.report-ready=" + report);
        all.addAll(properties);
        long startedAt = System.currentTimeMillis();
        Process process = how.process(all)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("app.log").toFile())
                .start();
        return new AppProcess(process, report, startedAt);
    }

    /** Milliseconds from just before the launch to the report line {@code what}. */
    long awaitReport(String what, Duration timeout) throws IOException, InterruptedException {
        return awaitLine(what, timeout)[1] - startedAt;
    }

    /** The fields of the report line {@code what} (after its name), when it comes. */
    long[] awaitLine(String what, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<long[]> line = line(what);
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the app ended with " + process.exitValue() + " before '" + what
                        + "'; see " + report.resolveSibling("app.log"));
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(
                "no '" + what + "' from the app in " + timeout + "; see " + report.resolveSibling("app.log"));
    }

    private Optional<long[]> line(String what) throws IOException {
        if (!Files.exists(report)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(report)) {
            String[] fields = line.strip().split(" ");
            if (fields[0].equals(what)) {
                long[] values = new long[fields.length];
                for (int i = 1; i < fields.length; i++) {
                    values[i] = Long.parseLong(fields[i]);
                }
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }

    /**
     * What the JVM's native memory tracking says of the app's memory, by area (heap, classes,
     * code, threads, GC, and everything native libraries such as GTK and Mesa allocated through
     * malloc outside it), after the heap's largest classes (which collects it first); the app
     * must run with {@code -XX:NativeMemoryTracking=summary}.
     */
    String nativeMemory() throws IOException, InterruptedException {
        String histogram = jcmd("GC.class_histogram")
                .lines()
                .limit(30)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        return jcmd("GC.heap_info") + histogram + jcmd("VM.native_memory", "summary") + mappings();
    }

    /** Writes the app's live objects to {@code file} (HPROF) and says how that went. */
    String heapDump(Path file) throws IOException, InterruptedException {
        return jcmd("GC.heap_dump", file.toString());
    }

    /** Resident and private-dirty kB per mapped file (class-data archives, libraries), largest first. */
    private String mappings() throws IOException {
        var rss = new java.util.TreeMap<String, long[]>();
        String file = "[anon]";
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps"))) {
            String[] parts = line.split("\\s+");
            if (parts.length >= 5 && parts[0].contains("-") && !parts[0].endsWith(":")) {
                file = parts.length >= 6 ? parts[5] : "[anon]";
            } else if (parts[0].equals("Rss:")) {
                rss.computeIfAbsent(file, f -> new long[2])[0] += Long.parseLong(parts[1]);
            } else if (parts[0].equals("Private_Dirty:")) {
                rss.computeIfAbsent(file, f -> new long[2])[1] += Long.parseLong(parts[1]);
            }
        }
        return rss.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(15)
                .map(e -> String.format(
                        Locale.ROOT,
                        "%8d kB resident, %8d kB private dirty  %s",
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getKey()))
                .collect(java.util.stream.Collectors.joining("\n", "Mappings:\n", "\n"));
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(process.pid())));
        line.addAll(List.of(command));
        Process asked = new ProcessBuilder(line).redirectErrorStream(true).start();
        String answer = new String(asked.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        asked.waitFor();
        return answer;
    }

    /** A line of the process's {@code /proc/PID/status}, e.g. {@code VmRSS}, in MB. */
    double statusMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).strip().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    /** Ends the app as a SIGTERM would, and waits for it (so the next launch finds its folder free). */
    @Override
    public void close() {
        process.destroy();
        boolean ended = process.onExit()
                        .completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS)
                        .join()
                != null;
        if (!ended) {
            process.destroyForcibly().onExit().join();
        }
    }
}
