package app.parley.server.messages;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeleteMessageApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String messagePath(long chat, Object message) {
        return messagesPath(chat) + message + "/";
    }

    @Test
    void theAuthorDeletesTheirMessageAndItLeavesHistoryAndSearch() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "keep this");
        long doomed = send(alice, chat, "unwanted words").get("id").asLong();

        ApiClient.Response response = alice.api().delete(messagePath(chat, doomed));

        assertEquals(200, response.status(), response.body());
        assertEquals(JSON.createObjectNode().put("status", "ok"), response.json());
        assertEquals(List.of("keep this"), historyTexts(bob, chat));
        assertEquals(
                0,
                bob.api()
                        .get("/api/v1/chats/" + chat + "/search/?query=unwanted")
                        .json()
                        .get("results")
                        .size());
    }

    /**
     * A client retrying a send whose answer it lost must not bring back a message that was
     * deleted meanwhile (from another device, say): a used client_msg_id never stores anything
     * new. Fails before the deleted message's id is remembered: the resend stored it again.
     */
    @Test
    void resendingTheClientMsgIdOfADeletedMessageIsAConflictAndStoresNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        ApiClient.Response first = alice.api().post(messagesPath(chat), Map.of("text", "oops", "client_msg_id", "d-1"));
        assertEquals(201, first.status(), first.body());
        assertEquals(
                200,
                alice.api()
                        .delete(messagePath(chat, first.json().get("id").asLong()))
                        .status());

        assertError(
                alice.api().post(messagesPath(chat), Map.of("text", "oops", "client_msg_id", "d-1")),
                409,
                "message_deleted",
                null);
        assertError(
                alice.api().post(messagesPath(chat), Map.of("text", "other words, same id", "client_msg_id", "d-1")),
                409,
                "message_deleted",
                null);
        assertError(
                alice.api()
                        .postRaw(
                                messagesPath(chat), "application/x-www-form-urlencoded", "text=oops&client_msg_id=d-1"),
                409,
                "message_deleted",
                null);
        assertEquals(List.of(), history(bob, chat));
        assertEquals(0, unread(bob, chat));
        assertTrue(room(bob, chat).get("last_message").isNull());

        // The id is the sender's own: Bob's d-1 is a message of his; and Alice's next id works as usual.
        ApiClient.Response bobs = bob.api().post(messagesPath(chat), Map.of("text", "mine", "client_msg_id", "d-1"));
        assertEquals(201, bobs.status(), bobs.body());
        ApiClient.Response next = alice.api().post(messagesPath(chat), Map.of("text", "again", "client_msg_id", "d-2"));
        assertEquals(201, next.status(), next.body());
        assertEquals(List.of("mine", "again"), historyTexts(alice, chat));
    }

    @Test
    void aMessageMayBeNamedByItsUuidAndTheChatByItsRoomName() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode sent = send(alice, chat, "by uuid");
        String roomName = room(alice, chat).get("room_name").asText();

        ApiClient.Response response = alice.api()
                .delete("/api/v1/chats/" + roomName + "/messages/"
                        + sent.get("uuid").asText() + "/");

        assertEquals(200, response.status(), response.body());
        assertTrue(history(bob, chat).isEmpty());
    }

    @Test
    void deletingAnswersWithAndWithoutTheTrailingSlash() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long first = send(alice, chat, "first").get("id").asLong();
        long second = send(alice, chat, "second").get("id").asLong();

        assertEquals(
                200,
                alice.api()
                        .delete("/api/v1/chats/" + chat + "/messages/" + first + "/")
                        .status());
        assertEquals(
                200,
                alice.api()
                        .delete("/api/v1/chats/" + chat + "/messages/" + second)
                        .status());

        assertTrue(history(bob, chat).isEmpty());
    }

    @Test
    void onlyTheAuthorMayDeleteAMessage() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        long group = group(owner, bob);
        long chat = privateChat(owner, bob);
        long inGroup = send(bob, group, "bob's words").get("id").asLong();
        long inChat = send(bob, chat, "bob's private words").get("id").asLong();

        // Not even the group's owner, and not the other member of a private chat.
        assertError(owner.api().delete(messagePath(group, inGroup)), 403, "not_the_author", null);
        assertError(owner.api().delete(messagePath(chat, inChat)), 403, "not_the_author", null);

        assertEquals(List.of("bob's words"), historyTexts(owner, group));
        assertEquals(List.of("bob's private words"), historyTexts(owner, chat));
        assertEquals(1, unread(owner, group));
    }

    @Test
    void aNonMemberCannotDeleteEvenTheirOwnFormerWords() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        long message = send(alice, chat, "private").get("id").asLong();

        assertError(mallory.api().delete(messagePath(chat, message)), 403, "not_a_member", null);

        assertEquals(List.of("private"), historyTexts(bob, chat));
    }

    @Test
    void aMessageOfAnotherChatIsNotFoundThroughThisOne() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long withBob = privateChat(alice, bob);
        long withCarol = privateChat(alice, carol);
        long inCarolsChat = send(alice, withCarol, "for carol").get("id").asLong();

        assertError(alice.api().delete(messagePath(withBob, inCarolsChat)), 404, "message_not_found", null);

        assertEquals(List.of("for carol"), historyTexts(carol, withCarol));
    }

    @Test
    void anUnknownMessageIsNotFoundAndAMalformedIdIsABadRequest() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long message = send(alice, chat, "once").get("id").asLong();
        long keeper = send(alice, chat, "keeper").get("id").asLong();

        assertEquals(200, alice.api().delete(messagePath(chat, message)).status());
        assertError(alice.api().delete(messagePath(chat, message)), 404, "message_not_found", null);
        assertError(alice.api().delete(messagePath(chat, 987_654_321)), 404, "message_not_found", null);
        assertError(
                alice.api().delete(messagePath(chat, "00000000-0000-0000-0000-000000000000")),
                404,
                "message_not_found",
                null);
        assertError(alice.api().delete(messagePath(chat, "abc")), 400, "invalid_input", "message_id");
        assertError(alice.api().delete(messagePath(chat, 0)), 400, "invalid_input", "message_id");
        assertError(alice.api().delete(messagePath(987_654, keeper)), 404, "chat_not_found", null);
        assertError(alice.api().delete(messagePath(0, keeper)), 400, "invalid_input", "chat_id");

        assertEquals(List.of("keeper"), historyTexts(bob, chat));
        assertEquals(1, unread(bob, chat));
    }

    @Test
    void deletingTheLastMessageMakesTheOneBeforeItTheChatsLastMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode earlier = send(bob, chat, "earlier");
        long last = send(alice, chat, "last").get("id").asLong();

        alice.api().delete(messagePath(chat, last));

        assertEquals(earlier, room(alice, chat).get("last_message"));
        assertEquals(earlier, room(bob, chat).get("last_message"));
    }

    @Test
    void deletingTheOnlyMessageLeavesTheChatWithoutALastMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long only = send(alice, chat, "only").get("id").asLong();

        alice.api().delete(messagePath(chat, only));

        assertTrue(room(alice, chat).get("last_message").isNull());
        assertTrue(room(bob, chat).get("last_message").isNull());
        assertEquals(0, room(bob, chat).get("unread_count").asLong());
    }

    @Test
    void deletingAnOlderMessageKeepsTheLastMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long older = send(alice, chat, "older").get("id").asLong();
        JsonNode last = send(alice, chat, "last");

        alice.api().delete(messagePath(chat, older));

        assertEquals(last, room(bob, chat).get("last_message"));
    }

    @Test
    void deletingAnUnreadMessageDropsTheOtherMembersUnreadCount() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "one");
        long two = send(alice, chat, "two").get("id").asLong();
        send(alice, chat, "three");

        alice.api().delete(messagePath(chat, two));

        assertEquals(2, unread(bob, chat));
        assertEquals(2, room(bob, chat).get("unread_count").asLong());
        assertEquals(0, unread(alice, chat));
    }

    @Test
    void deletingAMessageSomeoneHasReadLeavesTheirCountAlone() {
        TestUser owner = server.register("owner");
        TestUser reader = server.register("reader");
        TestUser laggard = server.register("laggard");
        long group = group(owner, reader, laggard);
        long first = send(owner, group, "first").get("id").asLong();
        send(owner, group, "second");
        assertEquals(
                200,
                reader.api().postEmpty("/api/v1/chats/" + group + "/mark_read/").status());
        send(owner, group, "third");

        owner.api().delete(messagePath(group, first));

        assertEquals(1, unread(reader, group));
        assertEquals(2, unread(laggard, group));
    }

    @Test
    void deletingWithoutATokenIsUnauthorizedAndTheMessageStays() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long message = send(alice, chat, "stays").get("id").asLong();

        assertError(server.anonymous().delete(messagePath(chat, message)), 401, "unauthorized", null);
        assertError(
                server.anonymous().delete("/api/v1/chats/" + chat + "/messages/" + message), 401, "unauthorized", null);

        assertEquals(List.of("stays"), historyTexts(bob, chat));
    }

    @Test
    void aDeleteWithABodyIsStillJustADelete() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long message = send(alice, chat, "gone").get("id").asLong();

        ApiClient.Response response = alice.api().delete(messagePath(chat, message), Map.of("reason", "typo"));

        assertEquals(200, response.status(), response.body());
        assertTrue(history(bob, chat).isEmpty());
    }
}
