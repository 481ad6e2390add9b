package app.parley.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code .deb}, unpacked as {@code dpkg -x} would install it: its bundled server
 * answers, its desktop app shows its first screen, and its desktop file hands {@code parley://}
 * links to the app.
 */
@EnabledOnOs(OS.LINUX) // the .deb is built on Linux only (see the profiles in installer/pom.xml)
class DesktopPackageTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path unpacked;

    private static Path opt;

    @BeforeAll
    static void unpack() throws Exception {
        run(List.of("dpkg", "-x", debPath().toString(), unpacked.toString()));
        run(List.of(
                "dpkg", "-e", debPath().toString(), unpacked.resolve("control").toString()));
        opt = unpacked.resolve("opt/parley-chat");
    }

    @Test
    void theDesktopFileOpensParleyLinksInTheApp() throws IOException {
        String entry = Files.readString(opt.resolve("lib/parley-chat-Parley.desktop"));

        assertTrue(entry.contains("MimeType=x-scheme-handler/parley;"), entry);
        assertTrue(entry.contains("Exec=/opt/parley-chat/bin/Parley %u"), entry);
        assertTrue(entry.contains("Icon=/opt/parley-chat/lib/Parley.png"), entry);
        assertTrue(Files.size(opt.resolve("lib/Parley.png")) > 1000, "the icon is there");
    }

    @Test
    void theMaintainerScriptsTolerateAMachineWithoutADesktopMenu() throws IOException {
        Path control = unpacked.resolve("control");
        String postinst = Files.readString(control.resolve("postinst"));

        // A failing menu step falls back to copying the entry and does not fail the script.
        assertTrue(postinst.contains("if ! { command -v xdg-desktop-menu"), postinst);
        assertTrue(postinst.contains("echo \"Parley: no desktop menu"), postinst);
        assertTrue(postinst.contains("x-scheme-handler") || postinst.contains("update-desktop-database"), postinst);
        assertTrue(postinst.contains("desktop_file=/opt/parley-chat/lib/parley-chat-Parley.desktop"), postinst);
        String prerm = Files.readString(control.resolve("prerm"));
        assertTrue(prerm.contains("rm -f /usr/share/applications/parley-chat-Parley.desktop"), prerm);
        for (String script : List.of(postinst, prerm)) {
            assertFalse(script.contains("APPLICATION_"), "every placeholder filled in:\n" + script);
        }
    }

    @Test
    void thePackageDoesNotTakeTheNameOfDebiansParley() throws IOException {
        // Debian already has a package "parley" (KDE's vocabulary trainer): under that name apt
        // would "upgrade" Parley to it.
        String control = Files.readString(unpacked.resolve("control/control"));

        assertTrue(control.contains("Package: parley-chat\n"), control);
    }

    @Test
    void thePackageBringsAFontThatDrawsEmoji() throws IOException {
        // JavaFX draws nothing for Noto Color Emoji on Linux: reactions and emoji in messages
        // need an outline font such as Symbola.
        String depends = Files.readString(unpacked.resolve("control/control"))
                .lines()
                .filter(line -> line.startsWith("Depends:"))
                .findFirst()
                .orElse("");

        assertTrue(depends.contains("fonts-symbola"), depends);
        assertTrue(depends.contains("libgtk-3-0"), depends);
    }

    @Test
    void theBundledServerStartsAndAnswers(@TempDir Path data) throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder(
                        opt.resolve("bin/parley-server").toString(), "--data-dir=" + data, "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(
                        data.resolveSibling(data.getFileName() + "-server.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            HttpResponse<String> answer = null;
            while (answer == null && System.nanoTime() < deadline && server.isAlive()) {
                try {
                    answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertTrue(answer != null, "the bundled server answered /health");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("UP"), answer.body());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /**
     * Headless with Monocle patched into the image's JavaFX (the flags go into the unpacked
     * copy's launcher configuration, as the app's own launcher reads only that), until the
     * app reports its welcome screen.
     */
    @Test
    void theBundledAppShowsItsFirstScreen(@TempDir Path home) throws Exception {
        Path config = opt.resolve("lib/app/Parley.cfg");
        Path report = home.resolve("report.txt");
        List<String> headless = List.of(
                "--patch-module=javafx.graphics=" + monocleJar(),
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Djava.awt.headless=true",
                "-Dparley.desktop.locale=en",
                "-Dparley.desktop.home=" + home.resolve("app"),
                "-Dparley.desktop.report-ready=" + report);
        List<String> lines = new ArrayList<>(Files.readAllLines(config));
        int options = lines.indexOf("[JavaOptions]");
        assertTrue(options >= 0, "the launcher configuration has Java options: " + lines);
        headless.forEach(option -> lines.add(options + 1, "java-options=" + option));
        Files.write(config, lines);

        var launch = new ProcessBuilder(opt.resolve("bin/Parley").toString());
        launch.environment().put("HOME", home.toString()); // the class-data archive goes to $HOME/.cache
        Process app = launch.redirectErrorStream(true)
                .redirectOutput(home.resolve("app.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!shown(report) && System.nanoTime() < deadline && app.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(
                    shown(report),
                    "the app showed its welcome screen; its output:\n"
                            + Files.readString(home.resolve("app.log"), StandardCharsets.UTF_8));
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /**
     * The launcher asks the JVM to keep the app's classes in an archive in the user's cache: the
     * runtime must carry the base archive that one is made on top of, and a second start must map
     * what the first wrote (shown here with the bundled server's main class and the app's jars).
     */
    @Test
    void theRuntimeKeepsTheAppsClassesForTheNextStart(@TempDir Path cache) throws Exception {
        String config = Files.readString(opt.resolve("lib/app/Parley.cfg"));
        assertTrue(config.contains("java-options=-XX:+AutoCreateSharedArchive"), config);
        assertTrue(config.contains("java-options=-XX:SharedArchiveFile=$HOME/.cache/parley/classes.jsa"), config);
        assertTrue(Files.isRegularFile(opt.resolve("lib/runtime/lib/server/classes.jsa")), "the base archive");

        Path archive = cache.resolve("classes.jsa");
        List<String> command = new ArrayList<>(List.of(
                opt.resolve("lib/runtime/bin/java").toString(),
                "-Xlog:cds=info",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive,
                "-cp"));
        try (Stream<Path> jars = Files.list(opt.resolve("lib/app"))) {
            command.add(jars.map(Path::toString)
                    .filter(jar -> jar.endsWith(".jar"))
                    .sorted()
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        }
        command.addAll(List.of("app.parley.server.ParleyServerMain", "--help"));

        assertFalse(output(command).contains("Mapped dynamic region"), "nothing to map on the first start");
        assertTrue(Files.size(archive) > 1_000_000, "the first start wrote the archive at exit");
        String second = output(command);
        assertTrue(second.contains("Mapped dynamic region"), second);
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private static boolean shown(Path report) throws IOException {
        return Files.exists(report) && Files.readString(report).contains("screen-welcomeView");
    }

    private static Path debPath() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target", "dist"))) {
            return built.filter(file -> file.getFileName().toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in target/dist"));
        }
    }

    private static String monocleJar() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("openjfx-monocle"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Monocle is not on the test class path"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), "exit code of " + command);
    }
}
