package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.realtime.WsFrames.chatPath;
import static app.parley.server.realtime.WsFrames.frame;
import static app.parley.server.realtime.WsFrames.groupPath;
import static app.parley.server.realtime.WsFrames.lastMessage;
import static app.parley.server.realtime.WsFrames.roomPath;
import static app.parley.server.realtime.WsFrames.typing;
import static app.parley.server.support.Sockets.SILENCE;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.assertSilentFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Typing indicators: relayed to the other members' chat and main sockets, never back to the
 * typer, and ended by the server on silence, on a message and when the typer's socket closes.
 */
class TypingTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Duration REFRESH = Duration.ofMillis(600);

    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.realtime.typing-timeout", TIMEOUT.toMillis() + "ms")
            .withProperty("parley.realtime.typing-refresh", REFRESH.toMillis() + "ms");

    private static SocketClient chatSocket(TestUser user, String path) {
        return Sockets.openChat(server, user, path);
    }

    private static SocketClient mainSocket(TestUser user) {
        return Sockets.openMain(server, user);
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @Test
    void typingAndStopTypingReachTheOtherMembersButNeverTheTyper() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long group = group(alice, bob, carol);
        long aliceAndBob = privateChat(alice, bob);

        try (SocketClient aliceChat1 = chatSocket(alice, groupPath(group));
                SocketClient aliceChat2 = chatSocket(alice, chatPath(group));
                SocketClient bobChat = chatSocket(bob, roomPath(group));
                SocketClient bobOther = chatSocket(bob, chatPath(aliceAndBob));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob);
                SocketClient carolMain = mainSocket(carol);
                SocketClient daveMain = mainSocket(dave)) {

            aliceChat1.send(frame("type", "typing"));

            assertEquals(typing("typing", group, alice), bobChat.next());
            assertEquals(typing("typing", group, alice), bobMain.next());
            assertEquals(typing("typing", group, alice), carolMain.next());
            assertSilent(aliceChat1, aliceChat2, aliceMain, bobOther, daveMain, bobChat, bobMain, carolMain);

            aliceChat1.send(frame("type", "stop_typing"));

            assertEquals(typing("stop_typing", group, alice), bobChat.next());
            assertEquals(typing("stop_typing", group, alice), bobMain.next());
            assertEquals(typing("stop_typing", group, alice), carolMain.next());
            assertSilent(aliceChat1, aliceChat2, aliceMain, bobOther, daveMain, bobChat, bobMain, carolMain);
        }
    }

    @Test
    void theRelayedAuthorIsAlwaysTheTyperWhateverTheFrameClaims() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            // Seed 002's typing frame names its author; naming someone else does not make them type.
            aliceChat.send(frame("type", "typing", "author", frame("id", bob.id(), "name", "Bob")));

            assertEquals(typing("typing", chat, alice), bobChat.next());
            aliceChat.send(frame("type", "stop_typing", "author", frame("id", alice.id(), "name", "Alice")));
            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
            assertSilent(aliceChat, bobChat);
        }
    }

    @Test
    void stopTypingFromSomeoneWhoWasNotTypingIsNotRelayed() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            aliceChat.send(frame("type", "stop_typing"));

            assertSilent(bobChat, bobMain, aliceChat);
        }
    }

    @Test
    void typingAgainIsAnnouncedOnlyOnceTheRefreshIntervalHasPassed() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            long start = System.nanoTime();
            aliceChat.send(frame("type", "typing"));
            assertEquals(typing("typing", chat, alice), bobChat.next());
            aliceChat.send(frame("type", "typing"));
            aliceChat.send(frame("type", "typing"));
            assertSilent(bobChat);
            // Paced by the typer's own socket, which must hear nothing of its own typing.
            assertSilentFor(REFRESH.minus(SILENCE).plusMillis(100), aliceChat);
            assertTrue(millisSince(start) < TIMEOUT.toMillis(), "the test ran too slowly to tell refresh from timeout");

            aliceChat.send(frame("type", "typing"));

            assertEquals(typing("typing", chat, alice), bobChat.next());
            aliceChat.send(frame("type", "stop_typing"));
            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
            assertSilent(aliceChat, bobChat);
        }
    }

    @Test
    void silenceEndsTypingAfterTheTimeout() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, roomPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            long start = System.nanoTime();
            aliceChat.send(frame("type", "typing"));
            assertEquals(typing("typing", chat, alice), bobChat.next());
            assertEquals(typing("typing", chat, alice), bobMain.next());

            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
            long elapsed = millisSince(start);
            assertEquals(typing("stop_typing", chat, alice), bobMain.next());
            assertTrue(
                    elapsed >= TIMEOUT.toMillis() - 50,
                    "stop_typing came after " + elapsed + " ms, before the timeout");
            assertTrue(elapsed < TIMEOUT.toMillis() * 2, "stop_typing came after " + elapsed + " ms");
            assertSilent(aliceChat, bobChat, bobMain);
        }
    }

    @Test
    void typingGoesOnForAsLongAsTheTyperKeepsTyping() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            long start = System.nanoTime();
            // Typing every half second for longer than the timeout.
            while (millisSince(start) < TIMEOUT.toMillis() + 500) {
                aliceChat.send(frame("type", "typing"));
                assertSilentFor(Duration.ofMillis(500), aliceChat);
            }

            List<JsonNode> heard = bobChat.drain();
            assertFalse(heard.isEmpty());
            for (JsonNode frame : heard) {
                assertEquals(typing("typing", chat, alice), frame, () -> "bob heard " + heard);
            }
            aliceChat.send(frame("type", "stop_typing"));
            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
        }
    }

    @Test
    void sendingAMessageEndsTyping() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob)) {
            aliceChat.send(frame("type", "typing"));
            assertEquals(typing("typing", chat, alice), bobChat.next());
            assertEquals(typing("typing", chat, alice), bobMain.next());

            aliceChat.send(frame("type", "message", "text", "done typing"));

            JsonNode message = bobChat.next("message");
            assertEquals(history(bob, chat).getLast(), message);
            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
            assertEquals(lastMessage(message, 1), bobMain.next());
            assertEquals(typing("stop_typing", chat, alice), bobMain.next());
            assertEquals(message, aliceChat.next());
            assertEquals(lastMessage(message, 0), aliceMain.next());
            assertSilent(aliceChat, aliceMain, bobChat, bobMain);

            // A message from someone who was not typing ends nothing.
            aliceChat.send(frame("type", "message", "text", "one more"));
            assertEquals("one more", bobChat.next("message").get("text").asText());
            assertEquals("one more", bobMain.next("last_message").get("text").asText());
            assertSilent(bobChat, bobMain);
        }
    }

    @Test
    void closingTheSocketTheTyperTypedOnEndsTyping() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceOther = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            long start;
            try (SocketClient aliceChat = chatSocket(alice, chatPath(chat))) {
                start = System.nanoTime();
                aliceChat.send(frame("type", "typing"));
                assertEquals(typing("typing", chat, alice), bobChat.next());
                assertEquals(typing("typing", chat, alice), bobMain.next());
            }

            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
            long elapsed = millisSince(start);
            assertEquals(typing("stop_typing", chat, alice), bobMain.next());
            assertTrue(
                    elapsed < TIMEOUT.toMillis() - 500, "stop_typing came after " + elapsed + " ms, as if timed out");
            assertSilent(aliceOther, bobChat, bobMain);
        }
    }

    @Test
    void closingAnotherSocketOfTheTyperEndsNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            aliceChat.send(frame("type", "typing"));
            assertEquals(typing("typing", chat, alice), bobChat.next());

            try (SocketClient idle = chatSocket(alice, chatPath(chat));
                    SocketClient idleMain = mainSocket(alice)) {
                assertSilent(idle, idleMain);
            }

            assertSilent(bobChat);
            aliceChat.send(frame("type", "stop_typing"));
            assertEquals(typing("stop_typing", chat, alice), bobChat.next());
        }
    }

    @Test
    void typingOnTheMainSocketNamesItsChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(alice, bob, carol);
        long other = privateChat(alice, carol);

        try (SocketClient bobChat = chatSocket(bob, groupPath(group));
                SocketClient bobMain = mainSocket(bob);
                SocketClient carolOther = chatSocket(carol, chatPath(other))) {
            try (SocketClient aliceMain = mainSocket(alice)) {
                aliceMain.send(frame("type", "typing", "chat_id", group));

                assertEquals(typing("typing", group, alice), bobChat.next());
                assertEquals(typing("typing", group, alice), bobMain.next());
                assertSilent(aliceMain, carolOther);

                aliceMain.send(frame("type", "stop_typing", "chat_id", "group_" + group));
                assertEquals(typing("stop_typing", group, alice), bobChat.next());
                assertEquals(typing("stop_typing", group, alice), bobMain.next());

                aliceMain.send(frame("type", "typing", "chat_id", group));
                assertEquals(typing("typing", group, alice), bobChat.next());
                assertEquals(typing("typing", group, alice), bobMain.next());
            }

            // The main socket the typer typed on closed: that ends the typing too.
            assertEquals(typing("stop_typing", group, alice), bobChat.next());
            assertEquals(typing("stop_typing", group, alice), bobMain.next());
            assertSilent(bobChat, bobMain, carolOther);
        }
    }

    @Test
    void twoTypersEachSeeOnlyTheOther() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(alice, bob, carol);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(group));
                SocketClient bobChat = chatSocket(bob, chatPath(group));
                SocketClient carolChat = chatSocket(carol, chatPath(group))) {
            aliceChat.send(frame("type", "typing"));
            assertEquals(typing("typing", group, alice), carolChat.next());
            bobChat.send(frame("type", "typing"));
            assertEquals(typing("typing", group, bob), carolChat.next());

            assertEquals(typing("typing", group, alice), bobChat.next());
            assertEquals(typing("typing", group, bob), aliceChat.next());

            aliceChat.send(frame("type", "stop_typing"));
            assertEquals(typing("stop_typing", group, alice), carolChat.next());
            assertEquals(typing("stop_typing", group, alice), bobChat.next());
            assertSilent(aliceChat);
            bobChat.send(frame("type", "stop_typing"));
            assertEquals(typing("stop_typing", group, bob), carolChat.next());
            assertEquals(typing("stop_typing", group, bob), aliceChat.next());
            assertSilent(bobChat, aliceChat, carolChat);
        }
    }
}
