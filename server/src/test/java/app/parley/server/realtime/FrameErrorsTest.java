package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.realtime.WsFrames.assertErrorFrame;
import static app.parley.server.realtime.WsFrames.chatPath;
import static app.parley.server.realtime.WsFrames.frame;
import static app.parley.server.realtime.WsFrames.lastMessage;
import static app.parley.server.realtime.WsFrames.roomPath;
import static app.parley.server.realtime.WsFrames.typing;
import static app.parley.server.support.Sockets.assertSilent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frames the server refuses: each gets one {@code error} frame on the socket that sent it, nothing
 * is stored or relayed, and the socket stays open for the next frame.
 */
class FrameErrorsTest {
    private static final int MESSAGE_MAX = 50;

    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.limits.message-max", MESSAGE_MAX);

    private static SocketClient chatSocket(TestUser user, String path) {
        return Sockets.openChat(server, user, path);
    }

    private static SocketClient mainSocket(TestUser user) {
        return Sockets.openMain(server, user);
    }

    /** The socket still works: a message sent on it reaches the other member, and is stored. */
    private static void assertStillUsable(
            SocketClient socket, Long chatIdOnMain, SocketClient otherMembersChat, TestUser reader, long chat) {
        Map<String, Object> message = chatIdOnMain == null
                ? frame("type", "message", "text", "still here", "client_msg_id", "ok-1")
                : frame("type", "message", "chat_id", chatIdOnMain, "text", "still here", "client_msg_id", "ok-1");
        socket.send(message);
        JsonNode delivered = otherMembersChat.next("message");
        assertEquals("still here", delivered.get("text").asText());
        assertEquals("ok-1", delivered.get("client_msg_id").asText());
        assertEquals(
                List.of(delivered),
                history(reader, chat).stream()
                        .filter(m -> m.get("text").asText().equals("still here"))
                        .toList());
    }

    @Test
    void aFrameThatIsNotAJsonObjectIsAnsweredWithInvalidJson() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            for (String text :
                    List.of("not json", "{", "{\"type\":\"message\",\"text\":\"hi\"", "[1,2]", "\"message\"", "42")) {
                aliceChat.sendText(text);
                assertErrorFrame(aliceChat.next(), "invalid_json", null, null);
            }
            assertSilent(bobChat, aliceChat);
            assertStillUsable(aliceChat, null, bobChat, bob, chat);
            assertEquals(List.of("still here"), historyTexts(bob, chat));
        }
    }

    @Test
    void aMessageFrameWithAnUnpairedSurrogateIsInvalidInputOnTextAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            aliceChat.sendText("{\"type\":\"message\",\"text\":\"hi \\ud800\",\"client_msg_id\":\"s-1\"}");

            JsonNode error = aliceChat.next();
            assertErrorFrame(error, "invalid_input", "text", null);
            assertEquals(
                    "text contains an unpaired surrogate (half of a UTF-16 pair), which is not Unicode text",
                    error.get("message").asText());
            assertSilent(bobChat, aliceChat);
            assertStillUsable(aliceChat, null, bobChat, bob, chat);
            assertEquals(List.of("still here"), historyTexts(bob, chat));
        }
    }

    /**
     * A well-formed frame whose field has the wrong JSON type names that field, as the HTTP error
     * for the same body does (there {@code bad_request}; on a socket every refused field is
     * {@code invalid_input}), and echoes the message's {@code client_msg_id} when that one is readable.
     */
    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingTheField() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        record Case(String frame, String field, String clientMsgId) {}
        List<Case> cases = List.of(
                new Case("{\"type\":\"message\",\"text\":5,\"client_msg_id\":\"t-1\"}", "text", "t-1"),
                new Case("{\"type\":\"message\",\"text\":{\"a\":1}}", "text", null),
                new Case("{\"type\":\"message\",\"text\":\"hi\",\"client_msg_id\":7}", "client_msg_id", null),
                new Case(
                        "{\"type\":\"message\",\"text\":\"hi\",\"author\":\"bob\",\"client_msg_id\":\"t-2\"}",
                        "author",
                        "t-2"),
                new Case(
                        "{\"type\":\"message\",\"text\":\"hi\",\"author\":{\"id\":1,\"name\":5}}", "author.name", null),
                new Case("{\"type\":\"message\",\"text\":\"hi\",\"attachments\":\"x\"}", "attachments", null),
                new Case("{\"type\":\"mark_read\",\"up_to_message_id\":\"abc\"}", "up_to_message_id", null),
                new Case("{\"type\":\"mark_read\",\"up_to_message_id\":1.5}", "up_to_message_id", null),
                new Case("{\"type\":\"catch_up\",\"after_id\":\"12\"}", "after_id", null),
                new Case("{\"type\":5}", "type", null),
                new Case("{\"type\":[\"message\"],\"text\":\"hi\"}", "type", null));

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            for (Case refused : cases) {
                aliceChat.sendText(refused.frame());
                assertErrorFrame(aliceChat.next(), "invalid_input", refused.field(), refused.clientMsgId());
            }
            assertSilent(bobChat, aliceChat);
            assertEquals(List.of(), history(bob, chat));
            assertEquals(0, unread(bob, chat));
            assertStillUsable(aliceChat, null, bobChat, bob, chat);
        }
        // The same body over HTTP names the same field.
        assertError(
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\":5,\"client_msg_id\":\"t-1\"}"),
                400,
                "bad_request",
                "text");
    }

    /**
     * Text after the JSON object makes the frame invalid JSON. A lenient reader takes the first
     * value and ignores the rest, which stored the message "x" here (and only the first of two
     * objects) until 378d703.
     */
    @Test
    void aFrameWithTextAfterTheJsonObjectIsInvalidJsonAndStoresNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            aliceChat.sendText("{\"type\":\"message\",\"text\":\"x\"} trailing");
            assertErrorFrame(aliceChat.next(), "invalid_json", null, null);
            aliceChat.sendText("{\"type\":\"message\",\"text\":\"y\"} {\"type\":\"message\",\"text\":\"z\"}");
            assertErrorFrame(aliceChat.next(), "invalid_json", null, null);
            assertSilent(bobChat, aliceChat);
            assertEquals(List.of(), history(bob, chat));
        }
    }

    @Test
    void aFrameWithoutATypeIsInvalidInputOnType() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            for (String text : List.of("{}", "{\"type\":null}", "{\"text\":\"no type\"}", "null")) {
                aliceChat.sendText(text);
                assertErrorFrame(aliceChat.next(), "invalid_input", "type", null);
            }
            assertSilent(bobChat, aliceChat);
            assertStillUsable(aliceChat, null, bobChat, bob, chat);
            assertEquals(List.of("still here"), historyTexts(bob, chat));
        }
    }

    @Test
    void anUnknownTypeIsAnsweredWithUnknownType() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient aliceMain = mainSocket(alice)) {
            // Server-only frame types are unknown as client frames too.
            for (String type :
                    List.of("shout", "MESSAGE", "", "history", "last_message", "read", "error", "chat_deleted")) {
                aliceChat.send(frame("type", type, "text", "x", "client_msg_id", "u-1"));
                assertErrorFrame(aliceChat.next(), "unknown_type", "type", null);
                aliceMain.send(frame("type", type, "chat_id", chat, "text", "x"));
                assertErrorFrame(aliceMain.next(), "unknown_type", "type", null);
            }
            assertSilent(bobChat, aliceChat, aliceMain);
            assertStillUsable(aliceChat, null, bobChat, bob, chat);
            assertEquals(List.of("still here"), historyTexts(bob, chat));
        }
    }

    @Test
    void aMessageWithoutTextIsRefusedOnTextEchoingItsClientMsgId() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, roomPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            aliceChat.send(frame("type", "message", "text", "", "client_msg_id", "blank-1"));
            assertErrorFrame(aliceChat.next(), "invalid_input", "text", "blank-1");
            aliceChat.send(frame("type", "message", "text", " \t\n ", "client_msg_id", "blank-2"));
            assertErrorFrame(aliceChat.next(), "invalid_input", "text", "blank-2");
            aliceChat.send(frame("type", "message", "client_msg_id", "blank-3"));
            assertErrorFrame(aliceChat.next(), "invalid_input", "text", "blank-3");
            aliceChat.send(frame("type", "message", "text", null));
            assertErrorFrame(aliceChat.next(), "invalid_input", "text", null);
            aliceChat.send(frame("type", "message", "text", "x".repeat(MESSAGE_MAX + 1), "client_msg_id", "long-1"));
            assertErrorFrame(aliceChat.next(), "invalid_input", "text", "long-1");
            aliceChat.send(frame("type", "message", "text", "fine", "client_msg_id", "c".repeat(101)));
            assertErrorFrame(aliceChat.next(), "invalid_input", "client_msg_id", "c".repeat(101));

            assertSilent(bobChat, bobMain, aliceChat);
            assertEquals(List.of(), history(bob, chat));
            assertEquals(0, unread(bob, chat));
            // The longest text allowed is fine, and so is the socket.
            aliceChat.send(frame("type", "message", "text", "y".repeat(MESSAGE_MAX)));
            assertEquals(
                    "y".repeat(MESSAGE_MAX), bobChat.next("message").get("text").asText());
            assertStillUsable(aliceChat, null, bobChat, bob, chat);
        }
    }

    @Test
    void aMessageClaimingAnotherAuthorIsRefusedAsNotTheAuthor() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            aliceChat.send(frame(
                    "type",
                    "message",
                    "text",
                    "I am Bob",
                    "author",
                    frame("id", bob.id(), "name", "Bob"),
                    "client_msg_id",
                    "spoof-1"));
            assertErrorFrame(aliceChat.next(), "not_the_author", null, "spoof-1");
            aliceChat.send(frame("type", "message", "text", "I am Bob", "author", frame("id", bob.uuid())));
            assertErrorFrame(aliceChat.next(), "not_the_author", null, null);
            aliceChat.send(
                    frame("type", "message", "text", "I am Bob", "author", frame("id", String.valueOf(bob.id()))));
            assertErrorFrame(aliceChat.next(), "not_the_author", null, null);
            aliceChat.send(frame("type", "message", "text", "who?", "author", frame("id", "nobody")));
            assertErrorFrame(aliceChat.next(), "invalid_input", "author.id", null);
            assertSilent(bobChat, bobMain, aliceChat);
            assertEquals(List.of(), history(bob, chat));

            // Naming oneself, by id or UUID, whatever the name, is fine (seed 002's frame has an author).
            List<Map<String, Object>> authors = List.of(
                    frame("id", alice.id(), "name", "Not Alice"), frame("id", alice.uuid()), frame("name", "Bob"));
            List<String> texts = List.of("by id", "by uuid", "by name only");
            for (int i = 0; i < texts.size(); i++) {
                aliceChat.send(frame("type", "message", "text", texts.get(i), "author", authors.get(i)));
                JsonNode message = bobChat.next("message");
                assertEquals(texts.get(i), message.get("text").asText());
                assertEquals(WsFrames.userRef(alice), message.get("author"));
            }
            assertEquals(List.of("by id", "by uuid", "by name only"), historyTexts(bob, chat));
        }
    }

    @Test
    void aMainSocketFrameMustNameItsChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceMain = mainSocket(alice);
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobMain = mainSocket(bob)) {
            aliceMain.send(frame("type", "message", "text", "where to?", "client_msg_id", "m-1"));
            assertErrorFrame(aliceMain.next(), "invalid_input", "chat_id", "m-1");
            for (String type : List.of("typing", "stop_typing", "mark_read")) {
                aliceMain.send(frame("type", type));
                assertErrorFrame(aliceMain.next(), "invalid_input", "chat_id", null);
            }
            aliceMain.send(frame("type", "message", "chat_id", "nonsense", "text", "where to?"));
            assertErrorFrame(aliceMain.next(), "invalid_input", "chat_id", null);

            assertSilent(bobChat, bobMain, aliceMain);
            assertEquals(List.of(), history(bob, chat));
            assertStillUsable(aliceMain, chat, bobChat, bob, chat);
        }
    }

    @Test
    void aMainSocketFrameForAChatTheUserIsNotInIsRefused() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        long group = group(alice, bob);
        long ownChat = privateChat(mallory, bob);
        sendAll(alice, chat, "1");

        try (SocketClient malloryMain = mainSocket(mallory);
                SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobMain = mainSocket(bob)) {
            for (Object target : List.of(
                    chat, group, "group_" + group, room(alice, chat).get("uuid").asText())) {
                malloryMain.send(frame("type", "typing", "chat_id", target));
                assertErrorFrame(malloryMain.next(), "not_a_member", null, null);
                malloryMain.send(frame("type", "stop_typing", "chat_id", target));
                assertErrorFrame(malloryMain.next(), "not_a_member", null, null);
                malloryMain.send(
                        frame("type", "message", "chat_id", target, "text", "let me in", "client_msg_id", "x-1"));
                assertErrorFrame(malloryMain.next(), "not_a_member", null, "x-1");
                malloryMain.send(frame("type", "mark_read", "chat_id", target));
                assertErrorFrame(malloryMain.next(), "not_a_member", null, null);
            }
            malloryMain.send(frame("type", "typing", "chat_id", 987_654));
            assertErrorFrame(malloryMain.next(), "chat_not_found", null, null);

            assertSilent(aliceChat, bobChat, aliceMain, bobMain, malloryMain);
            assertEquals(List.of("1"), historyTexts(alice, chat));
            assertEquals(List.of(), history(alice, group));
            assertEquals(1, unread(bob, chat));

            // Mallory's own chat still works from the same socket.
            malloryMain.send(frame("type", "typing", "chat_id", ownChat));
            assertEquals(typing("typing", ownChat, mallory), bobMain.next());
            malloryMain.send(frame("type", "message", "chat_id", ownChat, "text", "hello bob"));
            JsonNode sent = bobMain.next("last_message");
            assertEquals(lastMessage(history(bob, ownChat).getLast(), 1), sent);
        }
    }

    @Test
    void aChatSocketFrameMayNameOnlyItsOwnChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long group = group(alice, bob);

        try (SocketClient aliceChat = chatSocket(alice, chatPath(chat));
                SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient bobGroup = chatSocket(bob, chatPath(group))) {
            aliceChat.send(frame("type", "message", "chat_id", group, "text", "wrong chat", "client_msg_id", "w-1"));
            assertErrorFrame(aliceChat.next(), "invalid_input", "chat_id", "w-1");
            aliceChat.send(frame("type", "typing", "chat_id", "group_" + group));
            assertErrorFrame(aliceChat.next(), "invalid_input", "chat_id", null);
            assertSilent(bobGroup, bobChat, aliceChat);
            assertEquals(List.of(), history(bob, group));
            assertEquals(List.of(), history(bob, chat));

            // Naming its own chat, by id, UUID or room name, is fine.
            String uuid = room(alice, chat).get("uuid").asText();
            String roomName = room(alice, chat).get("room_name").asText();
            for (Object self : List.of(chat, String.valueOf(chat), uuid, roomName)) {
                aliceChat.send(frame("type", "message", "chat_id", self, "text", "to " + self));
                assertEquals("to " + self, bobChat.next("message").get("text").asText());
            }
            assertSilent(bobGroup);
        }
    }

    @Test
    void catchUpIsForChatSocketsAndItsAfterIdIsAMessageId() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceMain = mainSocket(alice);
                SocketClient aliceChat = chatSocket(alice, chatPath(chat))) {
            aliceMain.send(frame("type", "catch_up", "chat_id", chat, "after_id", 0));
            assertErrorFrame(aliceMain.next(), "invalid_input", "type", null);
            aliceChat.send(frame("type", "catch_up", "after_id", -1));
            assertErrorFrame(aliceChat.next(), "invalid_input", "after_id", null);
            assertSilent(aliceMain, aliceChat);
        }
    }

    @Test
    void aBadReadPositionIsRefusedAndChangesNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "1", "2");

        try (SocketClient bobChat = chatSocket(bob, chatPath(chat));
                SocketClient aliceChat = chatSocket(alice, chatPath(chat))) {
            bobChat.send(frame("type", "mark_read", "up_to_message_id", -1));
            assertErrorFrame(bobChat.next(), "invalid_input", "up_to_message_id", null);
            assertSilent(aliceChat, bobChat);
            assertEquals(2, unread(bob, chat));
        }
    }

    @Test
    void errorsGoOnlyToTheSocketThatSentTheFrame() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat1 = chatSocket(alice, chatPath(chat));
                SocketClient aliceChat2 = chatSocket(alice, chatPath(chat));
                SocketClient aliceMain = mainSocket(alice);
                SocketClient bobChat = chatSocket(bob, chatPath(chat))) {
            aliceChat1.sendText("oops");
            assertErrorFrame(aliceChat1.next(), "invalid_json", null, null);
            aliceChat1.send(frame("type", "message", "text", " "));
            assertErrorFrame(aliceChat1.next(), "invalid_input", "text", null);
            aliceChat1.send(frame("type", "nope"));
            assertErrorFrame(aliceChat1.next(), "unknown_type", "type", null);
            assertSilent(aliceChat2, aliceMain, bobChat, aliceChat1);
            assertStillUsable(aliceChat1, null, bobChat, bob, chat);
            assertEquals("still here", aliceChat2.next("message").get("text").asText());
        }
    }
}
