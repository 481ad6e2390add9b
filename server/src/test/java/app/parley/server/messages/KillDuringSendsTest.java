package app.parley.server.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.ParleyServer;
import app.parley.server.ParleyServerMain;
import app.parley.server.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} while it stores messages as fast as it can loses none it
 * acknowledged: after a restart on the same data, every message answered {@code 201} is there,
 * once.
 */
class KillDuringSendsTest {
    private static final int SENDERS = 12;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 600;

    @Test
    void noAcknowledgedMessageIsLost(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ParleyServerMain.class.getName(),
                        "--data-dir=" + dataDir,
                        "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String bobToken;
        long chat;
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(base, server, output);
            JsonNode alice = register(base, "alice");
            JsonNode bob = register(base, "bob");
            bobToken = bob.get("access_token").asText();
            ApiClient asAlice = new ApiClient(base, alice.get("access_token").asText());
            ApiClient.Response group = asAlice.post(
                    "/api/v1/group",
                    Map.of(
                            "name",
                            "g",
                            "users",
                            List.of(Map.of("id", bob.get("user").get("id").asLong()))));
            assertEquals(200, group.status(), group.body());
            chat = group.json().get("group").get("id").asLong();

            AtomicBoolean killed = new AtomicBoolean();
            try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
                for (int s = 0; s < SENDERS; s++) {
                    int sender = s;
                    senders.execute(() -> {
                        ApiClient client = asAlice.withToken(asAlice.token());
                        for (int i = 0; !killed.get(); i++) {
                            String text = "sender " + sender + " #" + i;
                            try {
                                ApiClient.Response response = client.post(
                                        Conversations.messagesPath(chat), Map.of("text", text, "client_msg_id", text));
                                if (response.status() == 201) {
                                    acknowledged.add(text);
                                }
                            } catch (RuntimeException connectionLost) {
                                return;
                            }
                        }
                    });
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                server.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint, no close
                killed.set(true);
                assertTrue(server.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, server.exitValue(), "killed by SIGKILL");
            }
        } finally {
            server.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, "only " + acknowledged.size() + " acknowledged");

        try (ParleyServer restarted = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            ApiClient asBob = new ApiClient(restarted.localUri(), bobToken);
            List<String> stored = allTexts(asBob, chat);
            Set<String> distinct = new HashSet<>(stored);
            assertEquals(stored.size(), distinct.size(), "no message stored twice");
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(distinct);
            assertEquals(Set.of(), lost, "acknowledged before the kill and missing after it");
            // Stored but unacknowledged is allowed: the kill came between the commit and the answer.
            assertTrue(distinct.size() - acknowledged.size() <= SENDERS, "at most one unanswered per sender");
        }
        Files.deleteIfExists(output);
    }

    private static List<String> allTexts(ApiClient reader, long chat) {
        List<String> texts = new ArrayList<>();
        long after = 0;
        while (true) {
            ApiClient.Response page =
                    reader.get(Conversations.messagesPath(chat) + "?order=asc&limit=100&after=" + after);
            assertEquals(200, page.status(), page.body());
            JsonNode results = page.json().get("results");
            if (results.isEmpty()) {
                return texts;
            }
            for (JsonNode message : results) {
                texts.add(message.get("text").asText());
                after = message.get("id").asLong();
            }
        }
    }

    private static JsonNode register(URI base, String username) {
        ApiClient.Response response = new ApiClient(base, null)
                .post("/api/v1/auth/register", Map.of("username", username, "password", "password-" + username));
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private static void awaitHealthy(URI base, Process server, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(output));
            }
            try {
                if (new ApiClient(base, null).get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start: " + Files.readString(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
