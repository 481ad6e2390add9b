package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.realtime.WsFrames.chatSocket;
import static app.parley.server.realtime.WsFrames.idsOf;
import static app.parley.server.realtime.WsFrames.lastMessage;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.StalledSocket;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that stops reading must not hold memory or slow anyone down: once its outbound queue
 * overflows it is closed with 1013, while the other sockets of the same chat get every frame.
 * The server's socket send buffer is made small so that a stalled client's backlog reaches
 * Parley's queue after a few frames instead of after megabytes in kernel buffers.
 */
class SlowConsumerTest {
    private static final int QUEUE_MAX = 8;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);
    /** The longest a healthy socket may wait for a frame while another one is stalled. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private static final String BIG = "x".repeat(3_990);

    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.realtime.outbound-queue-max", QUEUE_MAX)
            .withProperty("parley.realtime.close-grace", CLOSE_GRACE.toMillis() + "ms")
            .withProperty("micronaut.server.netty.child-options.SO_SNDBUF", 4096);

    private static ConnectionRegistry registry() {
        return server.bean(ConnectionRegistry.class);
    }

    private static void awaitOpenSockets(int count) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(count, registry().size()));
    }

    @BeforeEach
    void noSocketLeftOpen() {
        awaitOpenSockets(0);
    }

    /**
     * Big messages from {@code author} into a chat with no messages yet; the healthy sockets (of
     * the other member, whose unread count grows by one each time) must get each one promptly.
     */
    private static List<JsonNode> sendInLockStep(
            TestUser author, long chat, int count, SocketClient healthyChat, SocketClient healthyMain) {
        List<JsonNode> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode message = send(author, chat, i + ":" + BIG);
            long sentAt = System.nanoTime();
            assertEquals(message, healthyChat.next());
            assertEquals(lastMessage(message, i + 1), healthyMain.next());
            Duration took = Duration.ofNanos(System.nanoTime() - sentAt);
            assertTrue(took.compareTo(PROMPT) < 0, "message " + i + " took " + took + " to reach a healthy socket");
            sent.add(message);
        }
        return sent;
    }

    /** The stalled socket got its history, then the first messages in order, none skipped. */
    private static List<JsonNode> assertPrefixOfMessages(
            StalledSocket.Received received, List<JsonNode> sent, String firstType) {
        List<JsonNode> frames = withoutReceipts(received);
        assertTrue(!frames.isEmpty(), "the stalled socket got nothing at all");
        int start = 0;
        if (firstType.equals("history")) {
            assertEquals(
                    "history",
                    frames.getFirst().path("type").asText(),
                    frames.getFirst().toString());
            start = 1;
        }
        List<JsonNode> messages = frames.subList(start, frames.size());
        assertTrue(
                messages.size() < sent.size(),
                "the stalled socket was never cut off: it got all " + sent.size() + " messages");
        for (int i = 0; i < messages.size(); i++) {
            // The stalled user wrote these messages: their own unread count stays 0.
            JsonNode expected = firstType.equals("last_message") ? lastMessage(sent.get(i), 0) : sent.get(i);
            assertEquals(expected, messages.get(i), "frame " + i + " of the stalled socket");
        }
        return messages;
    }

    @Test
    void aClientThatNeverReadsAgainIsCutOffWhileTheOthersGetEveryMessagePromptly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (StalledSocket aliceChat = StalledSocket.open(server, alice, "/api/v1/chat/" + chat);
                StalledSocket aliceMain = StalledSocket.open(server, alice, "/api/v1/main");
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient bobMain = openMain(server, bob)) {
            awaitOpenSockets(4);

            List<JsonNode> sent = sendInLockStep(alice, chat, 40, bobChat, bobMain);

            // Both stalled sockets overflowed long ago; after the grace period they are gone.
            awaitOpenSockets(2);
            StalledSocket.Received chatFrames = aliceChat.readUntilEnd(Duration.ofSeconds(5));
            StalledSocket.Received mainFrames = aliceMain.readUntilEnd(Duration.ofSeconds(5));
            assertTrue(chatFrames.endOfStream() || chatFrames.close() != null, "the stalled chat socket is still open");
            assertTrue(mainFrames.endOfStream() || mainFrames.close() != null, "the stalled main socket is still open");
            if (chatFrames.close() != null) {
                assertEquals(1013, chatFrames.close().closeCode());
            }
            List<JsonNode> gotByChat = assertPrefixOfMessages(chatFrames, sent, "history");
            assertPrefixOfMessages(mainFrames, sent, "last_message");

            // The healthy sockets are still open and live.
            JsonNode later = send(alice, chat, "later");
            assertEquals(later, bobChat.next());
            assertEquals(lastMessage(later, 41), bobMain.next());
            assertSilent(bobChat, bobMain);

            // Alice reconnects from where her socket was cut off and gets exactly the rest.
            long lastSeen =
                    gotByChat.isEmpty() ? 0 : gotByChat.getLast().get("id").asLong();
            try (SocketClient again = chatSocket(server, alice, chat, "after_id=" + lastSeen)) {
                JsonNode catchUp = again.next("history");
                List<JsonNode> rest = new ArrayList<>(sent.subList(gotByChat.size(), sent.size()));
                rest.add(later);
                assertEquals(WsFrames.history(chat, rest, lastSeen, false), catchUp);
            }
        }
    }

    @Test
    void aSlowClientThatWakesUpReadsItsBacklogThenTheCloseFrameAndNothingAfterIt() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (StalledSocket aliceChat = StalledSocket.open(server, alice, "/api/v1/chat/" + chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient bobMain = openMain(server, bob)) {
            awaitOpenSockets(3);

            long started = System.nanoTime();
            List<JsonNode> sent = sendInLockStep(alice, chat, 3 * QUEUE_MAX, bobChat, bobMain);
            Duration sending = Duration.ofNanos(System.nanoTime() - started);
            // The socket overflowed during the sending; reading now is within its grace period.
            assertTrue(
                    sending.compareTo(CLOSE_GRACE) < 0,
                    "sending took " + sending + "; the test needs it under the grace period");

            StalledSocket.Received received = aliceChat.readUntilEnd(Duration.ofSeconds(5));
            StalledSocket.Frame close = received.close();
            assertTrue(
                    close != null,
                    "expected a close frame, got " + received.frames().size() + " frames and "
                            + (received.endOfStream() ? "the end of the stream" : "a timeout"));
            assertEquals(1013, close.closeCode());
            assertEquals("too slow: reconnect and catch up", close.closeReason());
            assertTrue(received.frames().getLast().isClose(), "frames after the close frame");
            List<JsonNode> got = assertPrefixOfMessages(received, sent, "history");
            assertTrue(got.size() >= QUEUE_MAX - 1, "cut off after only " + got.size() + " messages");

            awaitOpenSockets(2);
            JsonNode later = send(alice, chat, "later");
            assertEquals(later, bobChat.next());
            assertEquals(history(bob, chat).getLast(), later);
        }
    }

    @Test
    void aClientThatPausesWithABacklogUnderTheLimitKeepsItsSocketAndGetsEverything() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (StalledSocket aliceChat = StalledSocket.open(server, alice, "/api/v1/chat/" + chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient bobMain = openMain(server, bob)) {
            awaitOpenSockets(3);

            // The history frame and these messages are at most QUEUE_MAX - 1 frames waiting, even if the kernel took
            // none.
            List<JsonNode> sent = sendInLockStep(alice, chat, QUEUE_MAX - 2, bobChat, bobMain);
            // Past the grace period a socket over the limit would have been closed; this one must stay.
            await().during(CLOSE_GRACE.plusMillis(500))
                    .atMost(CLOSE_GRACE.plusSeconds(2))
                    .untilAsserted(() -> assertEquals(3, registry().size()));

            StalledSocket.Received received = aliceChat.readUntilEnd(Duration.ofSeconds(1));
            assertNull(received.close(), "closed although its backlog stayed under the limit");
            assertTrue(!received.endOfStream(), "the connection ended");
            List<JsonNode> frames = withoutReceipts(received);
            assertEquals("history", frames.getFirst().path("type").asText());
            assertEquals(idsOf(sent), idsOf(frames.subList(1, frames.size())));
            assertEquals(sent, frames.subList(1, frames.size()));
            assertEquals(3, registry().size());

            // Reading again, it goes on receiving.
            JsonNode later = send(bob, chat, "later");
            assertEquals(later, bobChat.next());
            StalledSocket.Received more = aliceChat.readUntilEnd(Duration.ofMillis(500));
            assertEquals(List.of(later), withoutReceipts(more));
        }
    }

    /**
     * The frames a stalled socket read, without {@code delivered} receipts: bob's devices receiving
     * alice's messages is told to her socket too, debounced, at moments this test is not about.
     */
    private static List<JsonNode> withoutReceipts(StalledSocket.Received received) {
        return received.textFrames().stream()
                .map(StalledSocket.Frame::json)
                .filter(frame -> !"delivered".equals(frame.path("type").asText()))
                .toList();
    }
}
