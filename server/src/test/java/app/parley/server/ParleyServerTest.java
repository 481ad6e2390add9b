package app.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.cli.ExitCodes;
import app.parley.server.config.DataDirectoryInUseException;
import app.parley.server.support.SocketClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as the desktop app embeds it: started from Java, on any free port, stopped and started again. */
class ParleyServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnAFreePortReportsItAndKeepsItsDataInTheGivenDirectory(@TempDir Path dataDir) throws Exception {
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            assertTrue(server.port() > 0);
            assertEquals(200, get(server.localUri().resolve("/health")).statusCode());
            assertEquals(dataDir.toAbsolutePath(), server.dataDir());
        }
        assertTrue(Files.exists(dataDir.resolve("parley.db")));
        assertTrue(Files.exists(dataDir.resolve("secrets/jwt-signing.key")));
    }

    @Test
    void stopsCleanlyAndStartsAgainInTheSameJvmWithItsDataAndTokensIntact(@TempDir Path dataDir) throws Exception {
        String token;
        int firstPort;
        try (ParleyServer first = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            firstPort = first.port();
            HttpResponse<String> registered = post(
                    first.localUri().resolve("/api/v1/auth/register"),
                    "{\"username\":\"restart\",\"password\":\"restart-password\"}");
            assertEquals(201, registered.statusCode(), registered.body());
            token = registered.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        }
        assertRefused(URI.create("http://localhost:" + firstPort + "/health"));

        try (ParleyServer second = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(second.localUri().resolve("/api/v1/user"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"username\":\"restart\""));
        }
    }

    @Test
    void stoppingClosesOpenSocketsInsteadOfWaitingForThem(@TempDir Path dataDir) throws Exception {
        SocketClient socket;
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            HttpResponse<String> registered = post(
                    server.localUri().resolve("/api/v1/auth/register"),
                    "{\"username\":\"sockets\",\"password\":\"sockets-password\"}");
            String token = registered.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            socket = SocketClient.open(server.port(), "/api/v1/main", token);
            socket.sendText("{}");
            socket.next("error"); // frames are handled after the socket has opened: it is registered now
        }
        // Netty drops the connection (1006, no close frame) rather than closing it with 1001;
        // what matters to a client is that it learns at once and reconnects.
        assertEquals(1006, socket.closeCode());
    }

    @Test
    void twoServersWithDifferentDataDirectoriesRunSideBySide(@TempDir Path one, @TempDir Path two) throws Exception {
        try (ParleyServer a = ParleyServer.start(ParleyServer.Settings.of(one, 0));
                ParleyServer b = ParleyServer.start(ParleyServer.Settings.of(two, 0))) {
            assertNotEquals(a.port(), b.port());
            post(
                    a.localUri().resolve("/api/v1/auth/register"),
                    "{\"username\":\"only_a\",\"password\":\"password-a\"}");
            HttpResponse<String> loginOnB = post(
                    b.localUri().resolve("/api/v1/auth/login"),
                    "{\"username\":\"only_a\",\"password\":\"password-a\"}");
            assertEquals(401, loginOnB.statusCode());
            assertFalse(Files.readString(one.resolve("secrets/jwt-signing.key"))
                    .equals(Files.readString(two.resolve("secrets/jwt-signing.key"))));
        }
    }

    @Test
    void aTokenFromAnotherInstallationIsRefused(@TempDir Path one, @TempDir Path two) throws Exception {
        try (ParleyServer a = ParleyServer.start(ParleyServer.Settings.of(one, 0));
                ParleyServer b = ParleyServer.start(ParleyServer.Settings.of(two, 0))) {
            String body = "{\"username\":\"same_name\",\"password\":\"same-password\"}";
            String tokenFromA = post(a.localUri().resolve("/api/v1/auth/register"), body)
                    .body()
                    .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            post(b.localUri().resolve("/api/v1/auth/register"), body);

            HttpResponse<String> onB = http.send(
                    HttpRequest.newBuilder(b.localUri().resolve("/api/v1/user"))
                            .header("Authorization", "Bearer " + tokenFromA)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(401, onB.statusCode());
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedAndNamesTheHolder(@TempDir Path dataDir) throws Exception {
        try (ParleyServer first = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            DataDirectoryInUseException refused = assertThrows(
                    DataDirectoryInUseException.class,
                    () -> ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))
                            .close());

            assertEquals(String.valueOf(ProcessHandle.current().pid()), refused.holderPid());
            assertEquals(200, get(first.localUri().resolve("/health")).statusCode());
        }
    }

    @Test
    void theCommandLineServerRefusesAHeldDataDirectoryWithAMessageNamingTheHoldersPid(@TempDir Path dataDir)
            throws Exception {
        try (ParleyServer held = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            Process second = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ParleyServerMain.class.getName(),
                            "--data-dir=" + dataDir,
                            "--port=0")
                    .redirectErrorStream(true)
                    .start();
            try {
                assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second server kept running");
                String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertEquals(ExitCodes.DATA_DIR_IN_USE, second.exitValue(), output);
                assertTrue(
                        output.contains("Parley did not start: the data directory " + dataDir.toAbsolutePath()
                                + " is in use by another Parley server (pid "
                                + ProcessHandle.current().pid() + ")"),
                        output);
                assertEquals(200, get(held.localUri().resolve("/health")).statusCode());
            } finally {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void leftoversOfAnInterruptedUploadAreGoneBeforeTheServerAnswers(@TempDir Path dataDir) throws Exception {
        Path leftover =
                Files.createDirectories(dataDir.resolve("files/incoming")).resolve("upload123.part");
        Files.write(leftover, new byte[4096]);

        try (ParleyServer _ = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            assertFalse(Files.exists(leftover), "the .part file outlived the start");
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(URI uri) {
        try {
            HttpResponse<String> response = get(uri);
            throw new AssertionError("the stopped server still answered " + response.statusCode());
        } catch (IOException expected) {
            // connection refused: nothing listens any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
