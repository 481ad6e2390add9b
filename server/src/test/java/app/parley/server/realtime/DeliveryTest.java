package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.realtime.WsFrames.chatPath;
import static app.parley.server.realtime.WsFrames.frame;
import static app.parley.server.realtime.WsFrames.groupPath;
import static app.parley.server.realtime.WsFrames.lastMessage;
import static app.parley.server.realtime.WsFrames.read;
import static app.parley.server.realtime.WsFrames.roomPath;
import static app.parley.server.support.Sockets.assertSilent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live delivery: a new message reaches every socket open on its chat and a {@code last_message}
 * every member's main sockets, whichever way it was sent; read receipts over the socket.
 */
class DeliveryTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static SocketClient open(TestUser user, String path) {
        return SocketClient.open(server, user, path);
    }

    private static SocketClient chatSocket(TestUser user, String path) {
        return Sockets.openChat(server, user, path);
    }

    private static SocketClient mainSocket(TestUser user) {
        return Sockets.openMain(server, user);
    }

    /** The newest stored message, as the HTTP history answers it. */
    private static JsonNode newest(TestUser reader, long chat) {
        return history(reader, chat).getLast();
    }

    @Test
    void aMessageSentOnASocketReachesEverySocketOfTheChatAndEveryMembersMainSocket() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        long other = privateChat(alice, carol);

        try (SocketClient alice1 = chatSocket(alice, chatPath(chat));
                SocketClient alice2 = chatSocket(alice, roomPath(chat));
                SocketClient bob1 = chatSocket(bob, chatPath(chat));
                SocketClient aliceOther = chatSocket(alice, chatPath(other));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob);
                SocketClient carolMain = mainSocket(carol);
                SocketClient malloryMain = mainSocket(mallory)) {

            alice1.send(frame("type", "message", "text", "Привет, Боб!", "client_msg_id", "c-1"));

            JsonNode delivered = alice1.next("message");
            JsonNode stored = newest(bob, chat);
            assertEquals("Привет, Боб!", stored.get("text").asText());
            assertEquals("c-1", stored.get("client_msg_id").asText());
            assertEquals(stored, delivered);
            assertEquals(stored, alice2.next());
            assertEquals(stored, bob1.next());
            assertEquals(lastMessage(stored, 0), aliceMain.next());
            assertEquals(lastMessage(stored, 1), bobMain.next());
            assertSilent(malloryMain, carolMain, aliceOther, alice1, alice2, bob1, aliceMain, bobMain);
            assertEquals(
                    List.of("Привет, Боб!"),
                    history(alice, chat).stream()
                            .map(m -> m.get("text").asText())
                            .toList());
        }
    }

    @Test
    void aMessageSentOverHttpIsDeliveredTheSameWayInAGroupOfThree() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long group = group(alice, bob, carol);

        try (SocketClient aliceChat = chatSocket(alice, groupPath(group));
                SocketClient bobChat = chatSocket(bob, chatPath(group));
                SocketClient bobChat2 = chatSocket(bob, roomPath(group));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob);
                SocketClient daveMain = mainSocket(dave);
                SocketClient carolMain1 = mainSocket(carol);
                SocketClient carolMain2 = mainSocket(carol)) {

            JsonNode first = send(bob, group, "from bob over HTTP");

            for (SocketClient socket : List.of(aliceChat, bobChat, bobChat2)) {
                assertEquals(first, socket.next());
            }
            assertEquals(lastMessage(first, 1), aliceMain.next());
            assertEquals(lastMessage(first, 0), bobMain.next());
            assertEquals(lastMessage(first, 1), carolMain1.next());
            assertEquals(lastMessage(first, 1), carolMain2.next());

            JsonNode second = send(carol, group, "from carol over HTTP");

            for (SocketClient socket : List.of(aliceChat, bobChat, bobChat2)) {
                assertEquals(second, socket.next());
            }
            assertEquals(lastMessage(second, 2), aliceMain.next());
            assertEquals(lastMessage(second, 1), bobMain.next());
            assertEquals(lastMessage(second, 0), carolMain1.next());
            assertEquals(lastMessage(second, 0), carolMain2.next());
            assertSilent(daveMain, aliceChat, bobChat, bobChat2, aliceMain, bobMain, carolMain1, carolMain2);
            assertEquals(2, unread(alice, group));
            assertEquals(1, unread(bob, group));
        }
    }

    @Test
    void aMessageSentOnTheMainSocketNamesItsChatAndIsDeliveredLikeAnyOther() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob);
                SocketClient bobChat = chatSocket(bob, roomPath(chat))) {
            aliceMain.send(frame("type", "message", "chat_id", chat, "text", "from the main socket"));

            JsonNode delivered = aliceMain.next("last_message");
            JsonNode stored = newest(bob, chat);
            assertEquals("from the main socket", stored.get("text").asText());
            assertEquals(lastMessage(stored, 0), delivered);
            assertEquals(lastMessage(stored, 1), bobMain.next());
            assertEquals(stored, bobChat.next());
            assertSilent(aliceMain, bobMain, bobChat);
        }
    }

    @Test
    void aMessageWithoutClientMsgIdHasNoSuchField() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            aliceChat.send(
                    frame("type", "message", "text", "plain", "author", frame("id", alice.id(), "name", "Alice")));

            JsonNode message = aliceChat.next("message");
            assertEquals(List.of("id", "uuid", "chat_id", "type", "text", "author", "time"), fieldNames(message));
            assertEquals(WsFrames.userRef(alice), message.get("author"));
            assertEquals(newest(bob, chat), message);
            JsonNode last = bobMain.next("last_message");
            assertEquals(
                    List.of("id", "uuid", "chat_id", "type", "text", "author", "time", "unread_count"),
                    fieldNames(last));
        }
    }

    @Test
    void messagesArriveInTheOrderTheyWereStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            for (int i = 0; i < 30; i++) {
                aliceChat.send(frame("type", "message", "text", "n" + i, "client_msg_id", "c" + i));
            }

            List<JsonNode> received = new ArrayList<>();
            List<JsonNode> lastMessages = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                received.add(bobChat.next());
                lastMessages.add(bobMain.next());
            }
            List<JsonNode> stored = history(bob, chat);
            assertEquals(30, stored.size());
            assertEquals(stored, received);
            for (int i = 0; i < 30; i++) {
                assertEquals(lastMessage(stored.get(i), i + 1), lastMessages.get(i));
            }
            for (int i = 0; i < 30; i++) {
                assertEquals(stored.get(i), aliceChat.next());
            }
            assertSilent(bobChat, aliceChat, bobMain);
        }
    }

    /**
     * Frames sent on one socket are handled in the order they were sent. Guards the fix of
     * 378d703: each {@code @OnMessage} call used to run on a thread of the blocking pool, so two
     * frames that arrived together raced to the socket's sequential queue and the second could be
     * stored first (a few rounds in a hundred). Sent in rounds of three, each after the last was
     * delivered.
     */
    @Test
    void framesOfOneSocketAreHandledInTheOrderTheyWereSent() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            for (int round = 0; round < 40; round++) {
                for (int k = 0; k < 3; k++) {
                    String text = round + "." + k;
                    aliceChat.send(frame("type", "message", "text", text));
                    sent.add(text);
                }
                for (int k = 0; k < 3; k++) {
                    received.add(bobChat.next("message").get("text").asText());
                    aliceChat.next("message");
                }
            }
        }

        assertEquals(sent, received);
        assertEquals(sent, historyTexts(bob, chat));
    }

    @Test
    void aMessageStoredBeforeASocketOpensIsInItsHistoryAndNotSentAgain() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> before = sendAll(alice, chat, "one", "two");

        try (SocketClient bobChat = open(bob, chatPath(chat))) {
            JsonNode opening = bobChat.next("history");
            assertEquals(before, app.parley.server.messages.Conversations.ids(opening.get("messages")));
            JsonNode after = send(alice, chat, "three");
            assertEquals(after, bobChat.next());
            assertSilent(bobChat);
        }
    }

    @Test
    void markReadOnAChatSocketSendsReadReceipts() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2", "3");

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob)) {
            bobChat.send(frame("type", "mark_read", "up_to_message_id", sent.get(1)));

            assertEquals(read(chat, bob, sent.get(1), null), aliceChat.next());
            assertEquals(read(chat, bob, sent.get(1), 1L), bobMain.next());
            // The reader's own chat sockets get the receipt too (their other devices learn of it).
            assertEquals(read(chat, bob, sent.get(1), null), bobChat.next());
            assertSilent(aliceMain, aliceChat, bobChat, bobMain);
            assertEquals(1, unread(bob, chat));

            bobChat.send(frame("type", "mark_read"));

            assertEquals(read(chat, bob, sent.get(2), null), aliceChat.next());
            assertEquals(read(chat, bob, sent.get(2), 0L), bobMain.next());
            assertEquals(read(chat, bob, sent.get(2), null), bobChat.next());
            assertSilent(aliceMain);
            assertEquals(0, unread(bob, chat));
            assertEquals(0, unread(alice, chat));
        }
    }

    @Test
    void markReadOnTheMainSocketNamesItsChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(alice, bob, carol);
        List<Long> sent = sendAll(alice, group, "1", "2");

        try (SocketClient carolChat = chatSocket(carol, groupPath(group));
                SocketClient bobMain = mainSocket(bob);
                SocketClient carolMain = mainSocket(carol)) {
            bobMain.send(frame("type", "mark_read", "chat_id", group));

            assertEquals(read(group, bob, sent.getLast(), 0L), bobMain.next());
            assertEquals(read(group, bob, sent.getLast(), null), carolChat.next());
            assertSilent(carolMain, bobMain, carolChat);
            assertEquals(0, unread(bob, group));
            assertEquals(2, unread(carol, group));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
