package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.json;
import static app.parley.server.messages.Conversations.message;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.realtime.WsFrames.assertClosedWithoutFrames;
import static app.parley.server.realtime.WsFrames.chatPath;
import static app.parley.server.realtime.WsFrames.groupPath;
import static app.parley.server.realtime.WsFrames.roomPath;
import static app.parley.server.support.Sockets.MAIN;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.event.CloseCodes;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening sockets: the paths, authentication, refusals, the opening history and seed 001's connect URL. */
class ChatSocketTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static JsonNode parse(String text) {
        return app.parley.server.support.ApiAssertions.json(text);
    }

    private static String roomName(TestUser a, TestUser b) {
        return "private_" + Math.min(a.id(), b.id()) + "_" + Math.max(a.id(), b.id());
    }

    private static String uuidOf(TestUser member, long chat) {
        return room(member, chat).get("uuid").asText();
    }

    private static SocketClient open(TestUser user, String path) {
        return SocketClient.open(server, user, path);
    }

    // --- Paths -------------------------------------------------------------------------------

    @Test
    void everyChatPathOpensWithTheHistoryOfThatChatFirst() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "first", "second");
        send(bob, chat, "third");
        List<JsonNode> stored = history(alice, chat);
        JsonNode expected = WsFrames.history(chat, stored, false);

        for (String path : List.of(
                chatPath(chat),
                chatPath(uuidOf(alice, chat)),
                chatPath(roomName(alice, bob)),
                roomPath(chat),
                "/ws/chat/" + chat,
                roomPath(uuidOf(alice, chat)),
                roomPath(roomName(alice, bob)))) {
            try (SocketClient socket = open(bob, path)) {
                assertEquals(expected, socket.next(), path);
            }
        }
        // The messages are seed 002's Message objects, exactly.
        assertEquals(
                message(
                        stored.get(0).get("id").asLong(),
                        stored.get(0).get("uuid").asText(),
                        chat,
                        "first",
                        alice,
                        stored.get(0).get("time").asText()),
                expected.get("messages").get(0));
        assertEquals(
                message(
                        stored.get(2).get("id").asLong(),
                        stored.get(2).get("uuid").asText(),
                        chat,
                        "third",
                        bob,
                        stored.get(2).get("time").asText()),
                expected.get("messages").get(2));
    }

    @Test
    void theHistoryFrameIsTheOnlyFrameUntilSomethingHappens() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "hello");

        try (SocketClient socket = open(bob, chatPath(chat))) {
            assertEquals("history", socket.next().get("type").asText());
            assertSilent(socket);
        }
    }

    @Test
    void anEmptyChatOpensWithAnEmptyHistorySayingNoMessages() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient socket = open(alice, chatPath(chat))) {
            JsonNode frame = socket.next();
            assertEquals(
                    parse("{\"type\":\"history\",\"chat_id\":" + chat
                            + ",\"messages\":[],\"has_more\":false,\"error\":\"no messages\"}"),
                    frame);
            assertEquals(WsFrames.history(chat, List.of(), false), frame);
        }
    }

    @Test
    void theGroupPathOpensGroupsByIdUuidAndRoomNameAndTheChatPathOpensThemToo() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(owner, bob, carol);
        send(carol, group, "in the group");
        JsonNode expected = WsFrames.history(group, history(owner, group), false);

        for (String path : List.of(
                groupPath(group),
                groupPath(uuidOf(bob, group)),
                groupPath("group_" + group),
                chatPath(group),
                roomPath(group))) {
            try (SocketClient socket = open(bob, path)) {
                assertEquals(expected, socket.next(), path);
            }
        }
    }

    @Test
    void theGroupPathRefusesAPrivateChatAsNotFound() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "private");

        for (String path : List.of(groupPath(chat), groupPath(uuidOf(alice, chat)), groupPath(roomName(alice, bob)))) {
            try (SocketClient socket = open(alice, path)) {
                assertClosedWithoutFrames(socket, CloseCodes.NOT_FOUND, path);
            }
        }
    }

    @Test
    void theMainSocketOpensWithoutAnyFrame() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(bob, chat, "already there");

        try (SocketClient main = open(alice, MAIN)) {
            assertSilent(main);
            assertFalse(main.isClosed());
        }
    }

    // --- Authentication -----------------------------------------------------------------------

    @Test
    void aHandshakeWithoutATokenIsRefusedWith401() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long group = group(alice, bob);

        for (String path : List.of(chatPath(chat), groupPath(group), roomPath(chat), MAIN)) {
            assertEquals(401, SocketClient.refusedStatus(server.port(), path, null), path);
        }
    }

    @Test
    void aHandshakeWithABadTokenIsRefusedWith401() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        String tampered = alice.api().token().substring(0, alice.api().token().length() - 2) + "xx";

        for (String path : List.of(chatPath(chat), groupPath(group(alice, bob)), roomPath(chat), MAIN)) {
            for (String token : List.of("not-a-token", tampered)) {
                assertEquals(401, SocketClient.refusedStatus(server.port(), path, token), path + " " + token);
                assertEquals(
                        401,
                        SocketClient.refusedStatus(server.port(), path + "?access_token=" + token, null),
                        path + "?access_token=" + token);
            }
        }
    }

    @Test
    void theTokenMayComeAsAnAccessTokenQueryParameter() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2", "3");
        String token = bob.api().token();

        try (SocketClient socket =
                        SocketClient.openWithoutHeader(server.port(), chatPath(chat) + "?access_token=" + token);
                SocketClient limited = SocketClient.openWithoutHeader(
                        server.port(), roomPath(chat) + "?limit=1&access_token=" + token);
                SocketClient main = SocketClient.openWithoutHeader(server.port(), MAIN + "?access_token=" + token)) {
            awaitReady(main);
            assertEquals(WsFrames.history(chat, history(bob, chat), false), socket.next());
            JsonNode page = limited.next("history");
            assertEquals(List.of(sent.getLast()), app.parley.server.messages.Conversations.ids(page.get("messages")));
            assertEquals(true, page.get("has_more").asBoolean());

            // The query token authenticates as its user: bob's main socket hears of a message to bob.
            JsonNode message = send(alice, chat, "4");
            assertEquals(WsFrames.lastMessage(message, 4), main.next());
        }
    }

    @Test
    void theQueryTokenIsOnlyForWebSocketHandshakes() {
        TestUser alice = server.register("alice");

        ApiClient.Response response = server.anonymous()
                .get("/api/v1/chats?access_token=" + alice.api().token());

        assertError(response, 401, "unauthorized", null);
    }

    // --- Refusals -----------------------------------------------------------------------------

    @Test
    void aNonMemberIsClosedWith4403AndSentNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        long group = group(alice, bob);
        send(alice, chat, "secret");
        send(alice, group, "group secret");

        for (String path : List.of(
                chatPath(chat),
                chatPath(uuidOf(alice, chat)),
                chatPath(roomName(alice, bob)),
                roomPath(chat),
                chatPath(group),
                groupPath(group),
                groupPath(uuidOf(alice, group)),
                roomPath(group))) {
            try (SocketClient socket = open(mallory, path)) {
                assertClosedWithoutFrames(socket, CloseCodes.FORBIDDEN, path);
            }
        }
    }

    @Test
    void anUnknownChatIsClosedWith4404() {
        TestUser alice = server.register("alice");

        for (String path : List.of(
                chatPath(987_654),
                chatPath(UUID.randomUUID()),
                chatPath("private_987654_987655"),
                chatPath("group_987654"),
                groupPath(987_654),
                groupPath(UUID.randomUUID()),
                roomPath(987_654))) {
            try (SocketClient socket = open(alice, path)) {
                assertClosedWithoutFrames(socket, CloseCodes.NOT_FOUND, path);
            }
        }
    }

    @Test
    void aChatIdThatIsNeitherANumberNorAUuidNorARoomNameIsClosedWith4400() {
        TestUser alice = server.register("alice");

        for (String path : List.of(chatPath("abc"), chatPath("0"), chatPath("-3"), groupPath("abc"), roomPath("abc"))) {
            try (SocketClient socket = open(alice, path)) {
                assertClosedWithoutFrames(socket, CloseCodes.BAD_REQUEST, path);
            }
        }
    }

    /**
     * The close code must reach the client whatever the chat reference. The close reason is the
     * refusal's message, which quotes the reference; past RFC 6455's 123 bytes the close frame
     * would be malformed and the client would see a protocol error instead of 4404 or 4400 (so the
     * server cuts the reason, since 378d703).
     */
    @Test
    void aLongChatReferenceIsStillRefusedWithItsCloseCode() {
        TestUser alice = server.register("alice");

        try (SocketClient unknown = open(alice, chatPath("private_" + "9".repeat(200)));
                SocketClient malformed = open(alice, chatPath("%C3%A9".repeat(100)))) {
            assertClosedWithoutFrames(unknown, CloseCodes.NOT_FOUND, "a long unknown room name");
            assertClosedWithoutFrames(malformed, CloseCodes.BAD_REQUEST, "a long reference of two-byte characters");
        }
    }

    @Test
    void aBadLimitOffsetOrAfterIdIsClosedWith4400() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "1");

        for (String query : List.of(
                "limit=abc",
                "limit=-1",
                "limit=0",
                "limit=201",
                "limit=1.5",
                "limit=99999999999",
                "offset=abc",
                "offset=-1",
                "after_id=abc",
                "after_id=-1")) {
            for (String path : List.of(chatPath(chat), roomPath(chat))) {
                try (SocketClient socket = open(bob, path + "?" + query)) {
                    assertClosedWithoutFrames(socket, CloseCodes.BAD_REQUEST, path + "?" + query);
                }
            }
        }
    }

    @Test
    void refusedAndClosedSocketsLeaveNothingRegistered() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        ConnectionRegistry registry = server.bean(ConnectionRegistry.class);
        // Sockets of earlier tests may still be closing.
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.size() == 0);

        try (SocketClient a = open(alice, chatPath(chat));
                SocketClient b = open(bob, roomPath(chat));
                SocketClient main = open(bob, MAIN)) {
            a.next("history");
            b.next("history");
            try (SocketClient refused = open(mallory, chatPath(chat))) {
                assertEquals(CloseCodes.FORBIDDEN, refused.closeCode());
            }
            try (SocketClient refused = open(bob, chatPath(chat) + "?limit=0")) {
                assertEquals(CloseCodes.BAD_REQUEST, refused.closeCode());
            }
            awaitReady(main);
            assertEquals(3, registry.size());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.size() == 0);
    }

    /**
     * A frame sent as soon as the handshake completes is handled like any later one. Guards the
     * fix of 378d703: the socket callbacks used to run on different threads of the blocking pool,
     * and a frame that came before the opening had stored its connection was dropped without a
     * word (a few in several hundred). {@link Sockets#awaitReady} relies on this.
     */
    @Test
    void aFrameSentRightAfterAMainSocketsHandshakeIsAnswered() {
        TestUser alice = server.register("alice");
        int count = 50;
        List<SocketClient> mains = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                SocketClient main = open(alice, MAIN);
                main.send(WsFrames.frame("type", "message", "client_msg_id", "main-" + i));
                mains.add(main);
            }
            List<String> unanswered = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = "main-" + i;
                SocketClient main = mains.get(i);
                try {
                    // Once one is lost, the others are given less time, so that the test names them all.
                    await().pollInterval(Duration.ofMillis(10))
                            .atMost(unanswered.isEmpty() ? Duration.ofSeconds(5) : Duration.ofMillis(200))
                            .until(() -> main.drain().stream()
                                    .anyMatch(f ->
                                            id.equals(f.path("client_msg_id").asText())));
                } catch (ConditionTimeoutException lost) {
                    unanswered.add(id);
                }
            }
            assertEquals(
                    List.of(),
                    unanswered,
                    "main-socket frames sent right after the handshake that were never answered");
        } finally {
            mains.forEach(SocketClient::close);
        }
    }

    /** The same on chat sockets: a message sent at once after the handshake is stored. */
    @Test
    void aMessageSentRightAfterAChatSocketsHandshakeIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        int count = 50;
        List<SocketClient> chats = new ArrayList<>();
        try {
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                SocketClient socket = open(alice, chatPath(chat));
                socket.send(WsFrames.frame("type", "message", "text", "early " + i, "client_msg_id", "early-" + i));
                chats.add(socket);
                expected.add("early-" + i);
            }
            Set<String> stored = new TreeSet<>();
            try {
                await().pollInSameThread()
                        .pollInterval(Duration.ofMillis(100))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> {
                            stored.clear();
                            history(bob, chat)
                                    .forEach(m ->
                                            stored.add(m.path("client_msg_id").asText()));
                            return stored.size() >= count;
                        });
            } catch (ConditionTimeoutException lost) {
                // Reported below, by name.
            }
            assertEquals(expected, stored, "chat-socket messages sent right after the handshake");
        } finally {
            chats.forEach(SocketClient::close);
        }
    }

    // --- History paging -----------------------------------------------------------------------

    @Test
    void theHistoryHoldsTheNewest100MessagesByDefaultOldestFirst() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        String[] texts = new String[101];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        sendAll(alice, chat, texts);
        List<JsonNode> stored = history(alice, chat);

        try (SocketClient socket = open(bob, chatPath(chat));
                SocketClient everything = open(bob, chatPath(chat) + "?limit=200")) {
            assertEquals(WsFrames.history(chat, stored.subList(1, 101), true), socket.next());
            assertEquals(WsFrames.history(chat, stored, false), everything.next());
        }
    }

    @Test
    void limitAndOffsetPickAPageCountedBackFromTheNewest() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "1", "2", "3", "4", "5");
        List<JsonNode> stored = history(alice, chat);

        Map<String, JsonNode> expected = Map.of(
                "limit=2", WsFrames.history(chat, stored.subList(3, 5), true),
                "limit=5", WsFrames.history(chat, stored, false),
                "limit=2&offset=1", WsFrames.history(chat, stored.subList(2, 4), true),
                "offset=2", WsFrames.history(chat, stored.subList(0, 3), false),
                "limit=2&offset=3", WsFrames.history(chat, stored.subList(0, 2), false),
                "limit=3&offset=5", WsFrames.history(chat, List.of(), false),
                "limit=&offset=", WsFrames.history(chat, stored, false));
        for (var entry : expected.entrySet()) {
            for (String path : List.of(chatPath(chat), roomPath(chat), chatPath(uuidOf(bob, chat)))) {
                try (SocketClient socket = open(bob, path + "?" + entry.getKey())) {
                    assertEquals(entry.getValue(), socket.next(), path + "?" + entry.getKey());
                }
            }
        }
    }

    @Test
    void aGroupSocketPagesItsHistoryTheSameWay() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        long group = group(owner, bob);
        sendAll(owner, group, "1", "2", "3", "4");
        List<JsonNode> stored = history(bob, group);

        try (SocketClient socket = open(bob, groupPath(group) + "?limit=2&offset=1")) {
            assertEquals(WsFrames.history(group, stored.subList(1, 3), true), socket.next());
        }
    }

    @Test
    void afterIdOpensWithTheMessagesAfterItOldestFirst() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "1", "2", "3", "4");
        List<JsonNode> stored = history(alice, chat);
        long second = stored.get(1).get("id").asLong();

        try (SocketClient socket = open(bob, chatPath(chat) + "?after_id=" + second)) {
            var expected = (com.fasterxml.jackson.databind.node.ObjectNode)
                    WsFrames.history(chat, stored.subList(2, 4), false).deepCopy();
            expected.put("after_id", second);
            assertEquals(json(expected), socket.next());
        }
    }

    // --- Seed 001's connect URL ---------------------------------------------------------------

    @Test
    void connectAnswersWithTheSocketUrlOnTheHostTheClientUsed() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "hi");
        JsonNode expected = parse("{\"url\":\"ws://localhost:" + server.port() + "/ws/chat/" + chat + "/\",\"chat_id\":"
                + chat + ",\"room_name\":\"" + roomName(alice, bob) + "\"}");

        for (String path : List.of(
                "/api/v1/chats/" + chat + "/connect/",
                "/api/v1/chats/" + chat + "/connect",
                "/api/v1/chats/" + uuidOf(bob, chat) + "/connect/",
                "/api/v1/chats/" + roomName(alice, bob) + "/connect/")) {
            ApiClient.Response response = bob.api().get(path);
            assertEquals(200, response.status(), path + " -> " + response);
            assertEquals(expected, response.json(), path);
        }
    }

    @Test
    void theConnectUrlWorksWhenOpened() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "hi");
        String url = bob.api()
                .get("/api/v1/chats/" + chat + "/connect/")
                .json()
                .get("url")
                .asText();
        String origin = "ws://localhost:" + server.port();
        assertTrue(url.startsWith(origin), url);

        try (SocketClient socket = SocketClient.open(
                server.port(), url.substring(origin.length()), bob.api().token())) {
            assertEquals(WsFrames.history(chat, history(bob, chat), false), socket.next());
            JsonNode live = send(alice, chat, "live");
            assertEquals(live, socket.next());
        }
    }

    @Test
    void theConnectUrlFollowsTheHostHeaderAndTheForwardedScheme() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long group = group(alice, bob);
        String path = "/api/v1/chats/" + group + "/connect/";
        String token = bob.api().token();

        assertEquals(
                "ws://parley.lan:9000/ws/chat/" + group + "/",
                rawGet(path, "parley.lan:9000", token, null).get("url").asText());
        assertEquals(
                "ws://192.168.1.20:8080/ws/chat/" + group + "/",
                rawGet(path, "192.168.1.20:8080", token, null).get("url").asText());
        assertEquals(
                "ws://[::1]:8080/ws/chat/" + group + "/",
                rawGet(path, "[::1]:8080", token, null).get("url").asText());
        assertEquals(
                "wss://chat.example.org/ws/chat/" + group + "/",
                rawGet(path, "chat.example.org", token, "https").get("url").asText());
        JsonNode answer = rawGet(path, "parley.lan", token, null);
        assertEquals(
                parse("{\"url\":\"ws://parley.lan/ws/chat/" + group + "/\",\"chat_id\":" + group
                        + ",\"room_name\":\"group_" + group + "\"}"),
                answer);
    }

    @Test
    void aHostHeaderThatIsNotAHostIsNotEchoedIntoTheUrl() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        String url = rawGet(
                        "/api/v1/chats/" + chat + "/connect/",
                        "evil.example/phish?x=",
                        bob.api().token(),
                        null)
                .get("url")
                .asText();

        assertTrue(
                !url.contains("evil")
                        && url.startsWith("ws://")
                        && url.endsWith(":" + server.port() + "/ws/chat/" + chat + "/"),
                url);
    }

    @Test
    void connectIsForMembersOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);

        assertError(mallory.api().get("/api/v1/chats/" + chat + "/connect/"), 403, "not_a_member", null);
        assertError(mallory.api().get("/api/v1/chats/" + chat + "/connect"), 403, "not_a_member", null);
        assertError(alice.api().get("/api/v1/chats/987654/connect/"), 404, "chat_not_found", null);
        assertError(server.anonymous().get("/api/v1/chats/" + chat + "/connect/"), 401, "unauthorized", null);
    }

    /** GET over a plain socket, so that the Host header (which java.net.http will not let a caller set) can be chosen. */
    private static JsonNode rawGet(String path, String host, String token, String forwardedProto) {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            String request =
                    "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token + "\r\n"
                            + (forwardedProto == null ? "" : "X-Forwarded-Proto: " + forwardedProto + "\r\n")
                            + "Accept: application/json\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 200"), text);
            return parse(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
