package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.support.Sockets.assertSilent;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Delivered" receipts: a message counts as delivered to a member once it was written to one of
 * their sockets or they fetched history holding it; the chat's sockets hear of it in a
 * {@code delivered} frame and {@code read_positions} lists it.
 */
class DeliveredReceiptsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.delivered.write-delay", "100ms");

    @Test
    void aMessageIsDeliveredOnceItReachesTheRecipientsMainSocket() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient bobsMain = Sockets.openMain(server, bob);
                SocketClient alicesChat = Sockets.openChat(server, alice, chat).keepDeliveredFrames()) {
            long sent = send(alice, chat, "hello").get("id").asLong();

            alicesChat.next("message");
            JsonNode frame = alicesChat.next("delivered");

            assertEquals(deliveredFrame(chat, bob, sent), frame);
            assertEquals(sent, bobsMain.next("last_message").get("id").asLong());
            assertEquals(Map.of(alice.id(), List.of(sent, sent), bob.id(), List.of(0L, sent)), positions(alice, chat));
        }
    }

    @Test
    void aMemberWithoutASocketHasNothingDeliveredUntilTheyFetchHistory() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient alicesChat = Sockets.openChat(server, alice, chat).keepDeliveredFrames()) {
            long sent = send(alice, chat, "are you there?").get("id").asLong();
            alicesChat.next("message");
            assertSilent(alicesChat);
            assertEquals(List.of(0L, 0L), positions(alice, chat).get(bob.id()));

            assertEquals(1, history(bob, chat).size());

            assertEquals(deliveredFrame(chat, bob, sent), alicesChat.next("delivered"));
            assertEquals(List.of(0L, sent), positions(alice, chat).get(bob.id()));
        }
    }

    @Test
    void deliveredFramesReachOnlyTheChatsSocketsAndNotTheRecipientsOwn() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = group(alice, bob);
        long carolsChat = privateChat(alice, carol);
        try (SocketClient alicesMain = Sockets.openMain(server, alice).keepDeliveredFrames();
                SocketClient carolsMain = Sockets.openMain(server, carol).keepDeliveredFrames();
                SocketClient carolsChatSocket =
                        Sockets.openChat(server, carol, carolsChat).keepDeliveredFrames();
                SocketClient bobsChat = Sockets.openChat(server, bob, chat).keepDeliveredFrames();
                SocketClient alicesChat = Sockets.openChat(server, alice, chat).keepDeliveredFrames()) {
            long sent = send(alice, chat, "team news").get("id").asLong();

            assertEquals(sent, bobsChat.next("message").get("id").asLong());
            alicesChat.next("message");
            assertEquals(deliveredFrame(chat, bob, sent), alicesChat.next("delivered"));
            alicesMain.next("last_message");

            assertSilent(alicesMain, carolsMain, carolsChatSocket, bobsChat, alicesChat);
        }
    }

    @Test
    void anOutsiderGetsNoPositionsAndMovesNone() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = group(alice, bob);
        send(alice, chat, "members only");

        assertError(mallory.api().get("/api/v1/chats/" + chat + "/read_positions/"), 403, "not_a_member", null);
        assertError(mallory.api().get(messagesPath(chat)), 403, "not_a_member", null);

        assertEquals(2, positions(alice, chat).size());
        assertEquals(List.of(0L, 0L), positions(alice, chat).get(bob.id()));
    }

    @Test
    void positionsAreWrittenToTheDatabaseInTheBackground() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long sent = send(alice, chat, "remember me").get("id").asLong();

        history(bob, chat);

        DeliveredRepository stored = server.bean(DeliveredRepository.class);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        List.of(new DeliveredRow(alice.id(), 0), new DeliveredRow(bob.id(), sent)),
                        stored.findDelivered(chat).stream()
                                .sorted((a, b) -> Long.compare(a.userId(), b.userId()))
                                .toList()));
    }

    private static JsonNode deliveredFrame(long chat, TestUser user, long messageId) {
        var frame =
                Conversations.JSON.createObjectNode().put("type", "delivered").put("chat_id", chat);
        frame.putObject("user")
                .put("id", user.id())
                .put("name", user.username())
                .put("username", user.username());
        return Conversations.json(frame.put("last_delivered_message_id", messageId));
    }

    /** Each member's {@code [last_read_message_id, last_delivered_message_id]}, by user id. */
    private static Map<Long, List<Long>> positions(TestUser reader, long chat) {
        ApiClient.Response response = reader.api().get("/api/v1/chats/" + chat + "/read_positions/");
        assertEquals(200, response.status(), response.body());
        Map<Long, List<Long>> byUser = new HashMap<>();
        for (JsonNode position : response.json().get("positions")) {
            byUser.put(
                    position.get("user").get("id").asLong(),
                    List.of(
                            position.get("last_read_message_id").asLong(),
                            position.get("last_delivered_message_id").asLong()));
        }
        return byUser;
    }
}
