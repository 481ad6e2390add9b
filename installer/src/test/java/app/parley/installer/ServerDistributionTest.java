package app.parley.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code parley-server-VERSION.tar.gz}, unpacked as an admin would, run through its
 * own launcher on this build's Java: it serves a healthy server and its admin commands work.
 */
class ServerDistributionTest {
    private static final Pattern RUNNING = Pattern.compile("Parley is running at (http://\\S+) ");
    private static final Pattern LOG_LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ .*");

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpackTheArchive() throws Exception {
        Path archive = Path.of(System.getProperty("parley.distribution"));
        assertTrue(Files.isRegularFile(archive), "no archive at " + archive);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO()
                .start();
        assertEquals(0, tar.waitFor());
        home = unpacked.resolve("parley-server-" + System.getProperty("parley.version"));
    }

    @Test
    void theArchiveHoldsTheLauncherTheLibrariesTheConfigAndTheServiceUnit() throws IOException {
        assertTrue(Files.isExecutable(home.resolve("bin/parley-server")), "bin/parley-server is not executable");
        try (var jars = Files.list(home.resolve("lib"))) {
            List<String> names = jars.map(jar -> jar.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(name -> name.startsWith("parley-server-")), names.toString());
            assertTrue(names.stream().anyMatch(name -> name.startsWith("parley-shared-model-")), names.toString());
        }
        assertTrue(Files.readString(home.resolve("conf/parley.yml")).contains("port: 8080"));
        String unit = Files.readString(home.resolve("systemd/parley.service"));
        assertTrue(unit.contains("User=parley") && unit.contains("Restart=on-failure"), unit);
    }

    @Test
    void theLauncherServesAHealthyServerAndTheAdminCommandsWorkOnItsData(@TempDir Path dataDir) throws Exception {
        Process server = launch(List.of("--data-dir=" + dataDir, "--port=0"), javaHome());
        List<String> output = new ArrayList<>();
        try {
            URI base = awaitRunning(server, output);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\"}", health.body());
            var added = run(
                    List.of("user", "add", "admin", "--password-stdin", "--data-dir=" + dataDir), "admin-password\n");
            assertEquals(0, added.exitCode(), added.output());
            assertEquals("Added admin (id 1)\n", added.output(), "the command says what it did, and nothing else");
        } finally {
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
        }
        for (String line : output) {
            assertTrue(LOG_LINE.matcher(line).matches() || RUNNING.matcher(line).find(), "not a one-line log: " + line);
        }
        var check = run(List.of("check", "--data-dir=" + dataDir), "");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("OK: "), check.output());
    }

    @Test
    void theFirstRunRecordsAnAotCacheAsItStopsAndTheNextStartsFromIt(@TempDir Path dataDir, @TempDir Path cacheDir)
            throws Exception {
        Served first = serveAndStop(dataDir, cacheDir);
        assertTrue(
                first.output().getFirst().startsWith("parley-server: this run records an AOT cache in " + cacheDir),
                first.output().toString());
        Path recorded = onlyFile(cacheDir, first.output());
        assertTrue(
                recorded.getFileName().toString().matches("recorded-\\d+\\.aot"),
                recorded + " after " + first.output());

        Served second = serveAndStop(dataDir, cacheDir);
        Path cache = onlyFile(cacheDir);
        assertEquals(
                recorded.getFileName().toString().replace("recorded-", "parley-"),
                cache.getFileName().toString());
        assertTrue(
                second.output().getFirst().startsWith("Parley is running at "),
                second.output().toString());
        assertTrue(
                second.jvmArguments().contains("-XX:AOTCache=" + cache),
                second.jvmArguments().toString());

        // A cache the JVM cannot map (a run killed while writing it) is dropped and recorded again.
        Files.delete(cache);
        Files.writeString(recorded, "not a cache");
        Served third = serveAndStop(dataDir, cacheDir);
        assertEquals(
                "parley-server: the AOT cache written by the last run cannot be used; this run records a new one",
                third.output().getFirst());
        assertTrue(
                third.jvmArguments().contains("-XX:AOTCacheOutput=" + recorded),
                third.jvmArguments().toString());
        long recordedSize = Files.size(recorded);
        assertTrue(recordedSize > 1_000_000, "recorded anew: " + recordedSize + " bytes");

        var admin = run(List.of("check", "--data-dir=" + dataDir), "");
        assertEquals(0, admin.exitCode(), admin.output());
        assertEquals(recorded, onlyFile(cacheDir), "an admin command neither uses nor records a cache");
        assertEquals(recordedSize, Files.size(recorded));
    }

    private record Served(List<String> output, List<String> jvmArguments) {}

    /** Serves until healthy, then stops it as systemd would. */
    private static Served serveAndStop(Path dataDir, Path cacheDir) throws Exception {
        Process server = launch(List.of("--data-dir=" + dataDir, "--port=0"), javaHome(), cacheDir.toString());
        List<String> output = new ArrayList<>();
        List<String> jvmArguments;
        try {
            URI base = awaitRunning(server, output);
            // The launcher replaced itself with the JVM: the process's arguments are the JVM's.
            jvmArguments = server.info().arguments().map(List::of).orElse(List.of());
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
        } finally {
            // SIGTERM with the output still read, as systemd stops it (Process.destroy would close
            // the pipe first, and a JVM that cannot write its output writes no cache either).
            server.toHandle().destroy();
            assertTrue(server.waitFor(120, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
        }
        assertEquals(143, server.exitValue(), "a clean stop, as the unit expects");
        synchronized (output) {
            return new Served(List.copyOf(output), jvmArguments);
        }
    }

    private static Path onlyFile(Path folder) throws IOException {
        return onlyFile(folder, List.of());
    }

    private static Path onlyFile(Path folder, List<String> output) throws IOException {
        try (var files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all + " after " + output);
            return all.getFirst();
        }
    }

    @Test
    void aJavaOlderThan25IsNamedAndRefused(@TempDir Path oldJava) throws Exception {
        Path java = Files.createDirectories(oldJava.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\n");
        java.toFile().setExecutable(true);

        var refused = run(List.of("--help"), "", oldJava);

        assertEquals(9, refused.exitCode(), refused.output());
        assertEquals(
                "parley-server: Java 25 or newer is needed, but " + java + " is Java 17: set JAVA_HOME to a Java 25\n",
                refused.output());
    }

    private record Finished(int exitCode, String output) {}

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Process launch(List<String> args, Path javaHome) throws IOException {
        return launch(args, javaHome, "off");
    }

    /** The launcher, with {@code aotCache} as its {@code PARLEY_AOT_CACHE} (the tests' own folder, or off). */
    private static Process launch(List<String> args, Path javaHome, String aotCache) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(home.resolve("bin/parley-server").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("PARLEY_AOT_CACHE", aotCache);
        environment.remove("PARLEY_CONFIG");
        environment.remove("PARLEY_DATA_DIR");
        environment.remove("JAVA_OPTS");
        return builder.start();
    }

    private static Finished run(List<String> args, String stdin) throws Exception {
        return run(args, stdin, javaHome());
    }

    private static Finished run(List<String> args, String stdin, Path javaHome) throws Exception {
        Process process = launch(args, javaHome);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
        return new Finished(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    /** Reads the server's output until it says where it runs; keeps reading (and collecting) after that. */
    private static URI awaitRunning(Process server, List<String> output) throws Exception {
        CompletableFuture<URI> running = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher matcher = RUNNING.matcher(line);
                    if (matcher.find()) {
                        running.complete(URI.create(matcher.group(1)));
                    }
                }
                running.completeExceptionally(new AssertionError("the server stopped: " + output));
            } catch (IOException e) {
                running.completeExceptionally(e);
            }
        });
        return running.get(120, TimeUnit.SECONDS);
    }
}
