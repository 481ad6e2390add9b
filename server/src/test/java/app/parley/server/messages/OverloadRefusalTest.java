package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under overload every message is either stored and delivered or refused to its sender at once
 * ({@code slow_down}): none is lost, none late behind a backlog.
 */
class OverloadRefusalTest {
    // One write may wait for the one being committed; any more are refused at once.
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.writes.max-waiting", 1);

    @Test
    void everyMessageIsEitherStoredAndDeliveredOrRefusedToItsSender() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();

        try (SocketClient bobSocket = Sockets.openChat(server, bob, chat)) {
            SideBySide.allAtOnce(thread -> {
                if (thread < 2) {
                    sendOverSocket(alice, chat, thread, acknowledged, refused);
                } else {
                    sendOverHttp(alice, chat, thread, acknowledged, refused);
                }
            });

            assertEquals(SideBySide.THREADS * SideBySide.SENDS_PER_THREAD, acknowledged.size() + refused.size());
            assertTrue(acknowledged.stream().noneMatch(refused::contains));
            assertTrue(!refused.isEmpty(), "the test overloaded the server");
            assertTrue(!acknowledged.isEmpty());
            List<String> stored =
                    history(bob, chat).stream().map(m -> m.get("text").asText()).toList();
            assertEquals(acknowledged, Set.copyOf(stored), "stored: exactly the acknowledged messages");
            assertEquals(acknowledged.size(), stored.size());
            List<String> live = SideBySide.messageTexts(bobSocket, acknowledged);
            assertEquals(acknowledged.size(), live.size(), "delivered: each acknowledged message once");
            Sockets.assertSilent(bobSocket);
        }
    }

    private void sendOverHttp(TestUser author, long chat, int thread, Set<String> acknowledged, Set<String> refused) {
        ApiClient client = author.api().withToken(author.api().token());
        for (int i = 0; i < SideBySide.SENDS_PER_THREAD; i++) {
            String text = "http " + thread + " #" + i;
            ApiClient.Response response = client.post(messagesPath(chat), Map.of("text", text, "client_msg_id", text));
            if (response.status() == 201) {
                acknowledged.add(text);
            } else {
                assertEquals(429, response.status(), response.body());
                assertEquals("slow_down", response.json().get("code").asText());
                assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
                refused.add(text);
            }
        }
    }

    private void sendOverSocket(TestUser author, long chat, int thread, Set<String> acknowledged, Set<String> refused) {
        try (SocketClient socket = Sockets.openChat(server, author, chat)) {
            for (int i = 0; i < SideBySide.SENDS_PER_THREAD; i++) {
                String text = "socket " + thread + " #" + i;
                socket.send(Map.of("type", "message", "text", text, "client_msg_id", text));
                // The answer to this frame: its own message (stored) or an error naming it.
                JsonNode answer = socket.nextMatching(
                        frame -> text.equals(frame.path("client_msg_id").asText())
                                || text.equals(frame.path("text").asText()));
                switch (answer.path("type").asText()) {
                    case "message" -> acknowledged.add(text);
                    case "error" -> {
                        assertEquals("slow_down", answer.get("code").asText(), answer.toString());
                        refused.add(text);
                    }
                    default -> fail("unexpected answer " + answer);
                }
            }
        }
    }
}
