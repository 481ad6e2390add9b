package app.parley.server.messages;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.json;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.messages.Conversations.unreadCounts;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadStateApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String markRead(long chat) {
        return "/api/v1/chats/" + chat + "/mark_read/";
    }

    private static ObjectNode chatUnread(long chatId, String roomName, long count) {
        return JSON.createObjectNode()
                .put("chat_id", chatId)
                .put("room_name", roomName)
                .put("unread_count", count);
    }

    private static String roomName(TestUser a, TestUser b) {
        return "private_" + Math.min(a.id(), b.id()) + "_" + Math.max(a.id(), b.id());
    }

    @Test
    void unreadCountsArePerChatPerMemberAndInTotal() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long ab = privateChat(alice, bob);
        long ac = privateChat(alice, carol);
        long group = group(alice, bob, carol);
        sendAll(bob, ab, "1", "2", "3");
        sendAll(carol, ac, "1");
        sendAll(alice, group, "a", "b");
        sendAll(carol, group, "c");

        ObjectNode expected = JSON.createObjectNode().put("total", 5);
        expected.putArray("chats")
                .add(chatUnread(ab, roomName(alice, bob), 3))
                .add(chatUnread(ac, roomName(alice, carol), 1))
                .add(chatUnread(group, "group_" + group, 1));
        assertEquals(json(expected), unreadCounts(alice));

        ObjectNode forBob = JSON.createObjectNode().put("total", 3);
        forBob.putArray("chats")
                .add(chatUnread(ab, roomName(alice, bob), 0))
                .add(chatUnread(group, "group_" + group, 3));
        assertEquals(json(forBob), unreadCounts(bob));

        ObjectNode forCarol = JSON.createObjectNode().put("total", 0);
        forCarol.putArray("chats")
                .add(chatUnread(ac, roomName(alice, carol), 0))
                .add(chatUnread(group, "group_" + group, 0));
        assertEquals(json(forCarol), unreadCounts(carol));
    }

    @Test
    void aNewUserHasNothingUnread() {
        TestUser newcomer = server.register("newcomer");

        assertEquals(
                JSON.createObjectNode().put("total", 0).set("chats", JSON.createArrayNode()), unreadCounts(newcomer));
    }

    @Test
    void theSendersOwnMessagesNeverCount() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        sendAll(alice, chat, "talking", "to", "myself");

        assertEquals(0, unread(alice, chat));
        assertEquals(3, unread(bob, chat));
    }

    @Test
    void writingInAChatMarksItReadForTheWriter() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "one", "two");

        long reply = send(bob, chat, "reply").get("id").asLong();

        assertEquals(0, unread(bob, chat));
        assertEquals(1, unread(alice, chat));
        JsonNode state = bob.api().postEmpty(markRead(chat)).json();
        assertEquals(reply, state.get("last_read_message_id").asLong());
    }

    @Test
    void markingAChatReadAnswersWithTheWholeReadState() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "one", "two", "three");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiClient.Response response = bob.api().postEmpty(markRead(chat));

        assertEquals(200, response.status(), response.body());
        String lastSeen = response.json().get("last_seen").asText();
        Instant seen = Instant.parse(lastSeen);
        assertTrue(!seen.isBefore(before) && !seen.isAfter(Instant.now()), lastSeen);
        ObjectNode expected = JSON.createObjectNode()
                .put("status", "ok")
                .put("chat_id", chat)
                .put("last_read_message_id", sent.getLast())
                .put("unread_count", 0)
                .put("last_seen", lastSeen);
        assertEquals(json(expected), response.json());
        assertEquals(0, unread(bob, chat));
        assertEquals(0, room(bob, chat).get("unread_count").asLong());
    }

    @Test
    void theRoomNameBodyOfSeed001IsAccepted() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "one", "two");

        ApiClient.Response response = bob.api().post(markRead(chat), Map.of("room_name", roomName(alice, bob)));

        assertEquals(200, response.status(), response.body());
        assertEquals(0, response.json().get("unread_count").asLong());
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void markReadAnswersWithAndWithoutTheTrailingSlashAndByRoomName() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String path : List.of(
                markRead(chat),
                "/api/v1/chats/" + chat + "/mark_read",
                "/api/v1/chats/" + roomName(alice, bob) + "/mark_read/",
                "/api/v1/chats/" + room(bob, chat).get("uuid").asText() + "/mark_read")) {
            send(alice, chat, "again");
            assertEquals(1, unread(bob, chat));
            ApiClient.Response response = bob.api().postEmpty(path);
            assertEquals(200, response.status(), path + " -> " + response.body());
            assertEquals(0, unread(bob, chat), path);
        }
    }

    @Test
    void readingUpToAMessageLeavesTheLaterOnesUnread() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2", "3", "4", "5");

        ApiClient.Response response = bob.api().post(markRead(chat), Map.of("up_to_message_id", sent.get(1)));

        assertEquals(200, response.status(), response.body());
        assertEquals(sent.get(1), response.json().get("last_read_message_id").asLong());
        assertEquals(3, response.json().get("unread_count").asLong());
        assertEquals(3, unread(bob, chat));
        assertEquals(3, room(bob, chat).get("unread_count").asLong());
    }

    @Test
    void partialReadCountsOnlyOtherMembersMessages() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(alice, bob, carol);
        long first = send(alice, group, "from alice").get("id").asLong();
        send(bob, group, "from bob");
        send(carol, group, "from carol");
        send(alice, group, "alice again");

        JsonNode state = bob.api()
                .post(markRead(group), Map.of("up_to_message_id", first))
                .json();

        // After "from alice": bob's own message does not count, carol's and alice's second do.
        assertEquals(2, state.get("unread_count").asLong());
        assertEquals(2, unread(bob, group));
    }

    @Test
    void theReadPositionNeverMovesBackwards() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2", "3", "4");
        bob.api().post(markRead(chat), Map.of("up_to_message_id", sent.get(2)));

        JsonNode back = bob.api()
                .post(markRead(chat), Map.of("up_to_message_id", sent.get(0)))
                .json();
        JsonNode zero =
                bob.api().post(markRead(chat), Map.of("up_to_message_id", 0)).json();

        assertEquals(sent.get(2), back.get("last_read_message_id").asLong());
        assertEquals(1, back.get("unread_count").asLong());
        assertEquals(sent.get(2), zero.get("last_read_message_id").asLong());
        assertEquals(1, unread(bob, chat));
    }

    @Test
    void readingBeyondTheLastMessageStopsAtTheLastMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2");

        JsonNode state = bob.api()
                .post(markRead(chat), Map.of("up_to_message_id", sent.getLast() + 1_000))
                .json();
        send(alice, chat, "3");

        assertEquals(sent.getLast(), state.get("last_read_message_id").asLong());
        assertEquals(0, state.get("unread_count").asLong());
        assertEquals(1, unread(bob, chat));
    }

    @Test
    void markingAnEmptyChatReadIsHarmless() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        JsonNode state = bob.api().postEmpty(markRead(chat)).json();

        assertEquals(0, state.get("last_read_message_id").asLong());
        assertEquals(0, state.get("unread_count").asLong());
    }

    @Test
    void countsStayRightAfterDeletesAndReads() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2", "3", "4");

        alice.api().delete("/api/v1/chats/" + chat + "/messages/" + sent.get(3) + "/");
        assertEquals(3, unread(bob, chat));
        bob.api().post(markRead(chat), Map.of("up_to_message_id", sent.get(0)));
        assertEquals(2, unread(bob, chat));
        alice.api().delete("/api/v1/chats/" + chat + "/messages/" + sent.get(0) + "/");
        assertEquals(2, unread(bob, chat));
        alice.api().delete("/api/v1/chats/" + chat + "/messages/" + sent.get(1) + "/");
        assertEquals(1, unread(bob, chat));
        bob.api().postEmpty(markRead(chat));
        assertEquals(0, unread(bob, chat));
        send(alice, chat, "5");
        assertEquals(1, unread(bob, chat));
        assertEquals(1, unreadCounts(bob).get("total").asLong());
    }

    @Test
    void aMemberAddedLaterHasOnlyWhatCameAfterJoiningUnread() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser latecomer = server.register("latecomer");
        long group = group(owner, bob);
        JsonNode early = send(owner, group, "before you came");
        long beforeJoining = early.get("id").asLong();
        // Times are kept in milliseconds: let the clock move on so that joining is strictly later.
        await().until(() ->
                Instant.now().isAfter(Instant.parse(early.get("time").asText())));
        ApiClient.Response added = owner.api()
                .post("/api/v1/group/" + group + "/add", Map.of("users", List.of(Map.of("id", latecomer.id()))));
        assertEquals(200, added.status(), added.body());
        send(owner, group, "welcome");

        assertEquals(1, unread(latecomer, group));
        // Re-counting from the start and deleting an older message agree with the running count.
        JsonNode recounted = latecomer
                .api()
                .post(markRead(group), Map.of("up_to_message_id", 0))
                .json();
        assertEquals(1, recounted.get("unread_count").asLong());
        owner.api().delete("/api/v1/chats/" + group + "/messages/" + beforeJoining + "/");
        assertEquals(1, unread(latecomer, group));
        assertEquals(1, unread(bob, group));
    }

    @Test
    void aBadReadPositionIsRefusedAndChangesNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        sendAll(alice, chat, "1", "2");

        assertError(
                bob.api().post(markRead(chat), Map.of("up_to_message_id", -1)),
                400,
                "invalid_input",
                "up_to_message_id");
        for (String body : List.of(
                "{\"up_to_message_id\": \"abc\"}",
                "{\"up_to_message_id\": \"5\"}",
                "{\"up_to_message_id\": [1]}",
                "{\"up_to_message_id\": true}")) {
            assertError(
                    bob.api().postRaw(markRead(chat), "application/json", body),
                    400,
                    "bad_request",
                    "up_to_message_id");
        }
        assertError(
                bob.api().postRaw(markRead(chat), "application/json", "{\"up_to_message_id\": "),
                400,
                "bad_request",
                null);
        assertError(bob.api().postRaw(markRead(chat), "application/json", "[]"), 400, "bad_request", null);

        assertEquals(2, unread(bob, chat));
    }

    @Test
    void aFractionalReadPositionIsRefusedNotRoundedDown() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<Long> sent = sendAll(alice, chat, "1", "2");

        ApiClient.Response response = bob.api()
                .postRaw(markRead(chat), "application/json", "{\"up_to_message_id\": " + sent.getFirst() + ".5}");

        assertError(response, 400, "bad_request", "up_to_message_id");
        assertEquals(2, unread(bob, chat));
    }

    @Test
    void aNonMemberCannotMarkAChatRead() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        send(alice, chat, "1");

        assertError(mallory.api().postEmpty(markRead(chat)), 403, "not_a_member", null);
        assertError(mallory.api().postEmpty(markRead(987_654)), 404, "chat_not_found", null);

        assertEquals(1, unread(bob, chat));
        assertEquals(
                JSON.createObjectNode().put("total", 0).set("chats", JSON.createArrayNode()), unreadCounts(mallory));
    }

    @Test
    void unreadCountsAnswerWithAndWithoutTheTrailingSlash() {
        TestUser alice = server.register("alice");

        ApiClient.Response withSlash = alice.api().get("/api/v1/chats/unread/");
        ApiClient.Response withoutSlash = alice.api().get("/api/v1/chats/unread");

        assertEquals(200, withSlash.status(), withSlash.body());
        assertEquals(withSlash.json(), withoutSlash.json());
    }

    @Test
    void readStateWithoutATokenIsUnauthorized() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "1");

        assertError(server.anonymous().get("/api/v1/chats/unread/"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/chats/unread"), 401, "unauthorized", null);
        assertError(server.anonymous().postEmpty(markRead(chat)), 401, "unauthorized", null);
        assertError(server.anonymous().postEmpty("/api/v1/chats/" + chat + "/mark_read"), 401, "unauthorized", null);

        assertEquals(1, unread(bob, chat));
    }
}
