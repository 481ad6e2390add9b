package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivered positions held in memory are bounded: with room for two, a group of four still reports
 * every member's position, the forgotten ones from the database.
 */
class DeliveredMemoryTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.delivered.write-delay", "50ms")
            .withProperty("parley.delivered.remembered", "2");

    @Test
    void forgottenPositionsAreStillReported() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chat = group(alice, bob, carol, dave);
        long sent = send(alice, chat, "hello, everyone").get("id").asLong();

        for (TestUser member : new TestUser[] {bob, carol, dave}) {
            assertEquals(1, history(member, chat).size());
        }

        assertTrue(server.bean(DeliveredPositions.class).rememberedCount() <= 2);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        Map.of(bob.id(), sent, carol.id(), sent, dave.id(), sent), deliveredToOthers(alice, chat)));
    }

    private static Map<Long, Long> deliveredToOthers(TestUser reader, long chat) {
        ApiClient.Response response = reader.api().get("/api/v1/chats/" + chat + "/read_positions/");
        assertEquals(200, response.status(), response.body());
        Map<Long, Long> byUser = new HashMap<>();
        for (JsonNode position : response.json().get("positions")) {
            long user = position.get("user").get("id").asLong();
            if (user != reader.id()) {
                byUser.put(user, position.get("last_delivered_message_id").asLong());
            }
        }
        return byUser;
    }
}
