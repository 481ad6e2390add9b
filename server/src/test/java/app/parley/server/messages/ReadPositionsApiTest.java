package app.parley.server.messages;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.json;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/chats/{chat}/read_positions/}: how far each member has read, for read receipts. */
class ReadPositionsApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String path(Object chat) {
        return "/api/v1/chats/" + chat + "/read_positions/";
    }

    /** A member's position where nothing has reached them beyond what they have read (no socket, no history fetched). */
    private static ObjectNode position(TestUser user, long lastRead) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("user").put("id", user.id()).put("name", user.username()).put("username", user.username());
        return node.put("last_read_message_id", lastRead).put("last_delivered_message_id", lastRead);
    }

    private static JsonNode positions(long chat, ObjectNode... each) {
        ObjectNode expected = JSON.createObjectNode().put("chat_id", chat);
        expected.putArray("positions").addAll(List.of(each));
        return json(expected);
    }

    @Test
    void everyMembersPositionIsListedAndMovesWhenOneReads() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        List<Long> sent = sendAll(alice, chat, "one", "two", "three");

        assertEquals(positions(chat, position(alice, sent.get(2)), position(bob, 0)), readPositions(bob, chat));

        ApiClient.Response read =
                bob.api().post("/api/v1/chats/" + chat + "/mark_read/", Map.of("up_to_message_id", sent.get(1)));
        assertEquals(200, read.status(), read.body());

        JsonNode expected = positions(chat, position(alice, sent.get(2)), position(bob, sent.get(1)));
        assertEquals(expected, readPositions(alice, chat));
        assertEquals(expected, readPositions(bob, chat));
    }

    @Test
    void aChatIsReachedByItsUuidToo() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        String uuid = alice.api()
                .get("/api/v1/group/" + chat + "/info")
                .json()
                .path("uuid")
                .asText();

        ApiClient.Response byUuid = alice.api().get(path(uuid));

        assertEquals(200, byUuid.status(), byUuid.body());
        assertEquals(positions(chat, position(alice, 0), position(bob, 0)), byUuid.json());
    }

    @Test
    void anOutsiderIsRefusedAndReadsNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long chat = group(alice, bob);
        List<Long> sent = sendAll(alice, chat, "private");
        JsonNode before = readPositions(alice, chat);

        assertError(outsider.api().get(path(chat)), 403, "not_a_member", null);

        assertEquals(before, readPositions(alice, chat));
        assertEquals(positions(chat, position(alice, sent.getFirst()), position(bob, 0)), before);
        assertEquals(1, unread(bob, chat));
    }

    @Test
    void anUnknownChatIsNotFound() {
        TestUser alice = server.register("alice");

        assertError(alice.api().get(path(999_999)), 404, "chat_not_found", null);
    }

    @Test
    void aReferenceThatIsNoIdIsRefused() {
        TestUser alice = server.register("alice");

        assertError(alice.api().get(path("not-an-id")), 400, "invalid_input", "chat_id");
    }

    private static JsonNode readPositions(TestUser reader, long chat) {
        ApiClient.Response response = reader.api().get(path(chat));
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
