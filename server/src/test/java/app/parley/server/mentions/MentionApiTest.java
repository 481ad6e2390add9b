package app.parley.server.mentions;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unreadCounts;
import static app.parley.server.support.Sockets.assertSilentFor;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mentions: @username and @all recognised, stored, counted apart from unread, and flagged live. */
class MentionApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static long mentionCount(TestUser user, long chat) {
        return room(user, chat).path("mention_count").asLong();
    }

    private static List<String> mentioned(JsonNode message) {
        return message.path("mentions").findValuesAsText("username");
    }

    @Test
    void aMemberNamedWithAtIsMentionedAndCountedUntilTheyRead() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long chat = group(alice, bob, clara);

        JsonNode sent = send(
                alice,
                chat,
                "@" + bob.username() + ", can you look? cc @" + clara.username().toUpperCase() + ".");
        send(alice, chat, "and another thing");

        assertEquals(List.of(bob.username(), clara.username()), mentioned(sent));
        assertEquals(mentioned(sent), mentioned(history(bob, chat).getFirst()), "history shows the same");
        assertEquals(1, mentionCount(bob, chat));
        assertEquals(2, room(bob, chat).get("unread_count").asLong(), "a mention is also unread");
        assertEquals(0, mentionCount(alice, chat), "nobody mentions themself");
        JsonNode unread = unreadCounts(bob).get("chats").get(0);
        assertEquals(1, unread.get("mention_count").asLong());
        assertFalse(
                unreadCounts(alice).get("chats").get(0).has("mention_count"),
                "a chat without unread mentions keeps seed 001's shape");

        bob.api().post("/api/v1/chats/" + chat + "/mark_read/", Map.of());
        assertEquals(0, mentionCount(bob, chat));
        assertEquals(1, mentionCount(clara, chat));
    }

    @Test
    void emailAddressesStrangersAndSelfAreNotMentions() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser stranger = server.register("stranger");
        long chat = privateChat(alice, bob);

        JsonNode sent = send(
                alice,
                chat,
                "mail me at alice@" + bob.username() + ".org, @" + stranger.username() + " is not here, @"
                        + alice.username() + " is me, and @ nobody");

        assertFalse(sent.has("mentions"), sent.toString());
        assertEquals(0, mentionCount(bob, chat));
        assertEquals(0, mentionCount(stranger, privateChat(stranger, alice)));
    }

    @Test
    void atAllInAGroupMentionsEveryOtherMemberButInAPrivateChatItIsText() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long team = group(alice, bob, clara);
        long pair = privateChat(alice, bob);

        JsonNode toAll = send(alice, team, "@all standup in 5");
        JsonNode toOne = send(alice, pair, "@all of you? just you");

        assertTrue(toAll.get("mentions_all").asBoolean());
        assertEquals(List.of(bob.username(), clara.username()), mentioned(toAll));
        assertEquals(1, mentionCount(bob, team));
        assertEquals(1, mentionCount(clara, team));
        assertFalse(toOne.has("mentions_all"));
        assertEquals(0, mentionCount(bob, pair));
    }

    @Test
    void theOwnerDecidesWhoMayMentionEveryoneWithAtAll() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long team = group(alice, bob, clara);
        String options = "/api/v1/group/" + team + "/options";
        assertEquals(
                "members", bob.api().get(options).json().get("all_mentions").asText(), "by default anyone may");

        assertEquals(
                200, alice.api().put(options, Map.of("all_mentions", "owner")).status());

        assertFalse(send(bob, team, "@all lunch?").has("mentions_all"), "a member's @all is only text now");
        assertEquals(0, mentionCount(clara, team));
        assertTrue(send(alice, team, "@all meeting").get("mentions_all").asBoolean(), "the owner's still counts");
        assertEquals(1, mentionCount(clara, team));

        assertEquals(
                200, alice.api().put(options, Map.of("all_mentions", "off")).status());
        assertFalse(send(alice, team, "@all again").has("mentions_all"));
        assertEquals("off", clara.api().get(options).json().get("all_mentions").asText());
    }

    @Test
    void onlyTheOwnerSetsTheGroupsOptionsAndOnlyToAKnownValue() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long team = group(alice, bob);
        String options = "/api/v1/group/" + team + "/options";

        assertError(bob.api().put(options, Map.of("all_mentions", "off")), 403, "not_the_owner", null);
        assertError(alice.api().put(options, Map.of("all_mentions", "everyone")), 400, "invalid_input", "all_mentions");
        assertError(alice.api().put(options, Map.of()), 400, "invalid_input", "all_mentions");
        assertError(outsider.api().get(options), 403, "not_a_member", null);
        assertError(
                alice.api().get("/api/v1/group/" + privateChat(alice, bob) + "/options"), 404, "group_not_found", null);
        assertEquals(
                "members", bob.api().get(options).json().get("all_mentions").asText(), "nothing changed");
    }

    @Test
    void anEditMentionsAnewAndForgetsWhoItNoLongerNames() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long chat = group(alice, bob, clara);
        long id = send(alice, chat, "over to @" + bob.username()).get("id").asLong();

        JsonNode edited = alice.api()
                .patch(messagesPath(chat) + id + "/", Map.of("text", "over to @" + clara.username()))
                .json();

        assertEquals(List.of(clara.username()), mentioned(edited));
        assertEquals(0, mentionCount(bob, chat));
        assertEquals(1, mentionCount(clara, chat));
    }

    @Test
    void membersAnEditStartsOrStopsMentioningHearTheirNewCountAndNobodyElseDoes() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        TestUser dan = server.register("dan");
        long chat = group(alice, bob, clara, dan);
        long id = send(alice, chat, "over to @" + bob.username() + " and @" + dan.username())
                .get("id")
                .asLong();
        try (SocketClient bobMain = openMain(server, bob);
                SocketClient claraMain = openMain(server, clara);
                SocketClient danMain = openMain(server, dan)) {

            alice.api()
                    .patch(
                            messagesPath(chat) + id + "/",
                            Map.of("text", "over to @" + clara.username() + " and @" + dan.username()));

            JsonNode toBob = bobMain.next("mention_count");
            assertEquals(chat, toBob.get("chat_id").asLong());
            assertEquals(0, toBob.get("mention_count").asLong());
            assertEquals(1, claraMain.next("mention_count").get("mention_count").asLong());
            danMain.next("message_edited"); // the chat's last message, as everyone's list shows it
            assertSilentFor(java.time.Duration.ofMillis(300), danMain);
        }
    }

    @Test
    void deletingAMentionTellsTheMentionedMemberTheirNewCount() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "@" + bob.username() + " one");
        long second = send(alice, chat, "@" + bob.username() + " two").get("id").asLong();
        long third =
                send(alice, chat, "@" + bob.username() + " three").get("id").asLong();
        try (SocketClient bobMain = openMain(server, bob)) {

            alice.api().delete(messagesPath(chat) + third + "/");
            assertEquals(2, bobMain.next("message_deleted").get("mention_count").asLong());
            assertEquals(2, mentionCount(bob, chat));

            bob.api().post("/api/v1/chats/" + chat + "/mark_read/", Map.of());
            bobMain.next("read");
            alice.api().delete(messagesPath(chat) + second + "/");
            JsonNode deleted = bobMain.next("message_deleted");
            assertFalse(deleted.has("mention_count"), "none left unread: " + deleted);
        }
    }

    @Test
    void theMentionedMembersMainSocketsHearTheMentionWithTheirCountAndTheOthersDoNot() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long chat = group(alice, bob, clara);
        try (SocketClient bobMain = openMain(server, bob);
                SocketClient claraMain = openMain(server, clara)) {

            send(alice, chat, "@" + bob.username() + " ping");

            JsonNode toBob = bobMain.next("last_message");
            assertTrue(toBob.get("mention").asBoolean());
            assertEquals(1, toBob.get("mention_count").asLong());
            JsonNode toClara = claraMain.next("last_message");
            assertFalse(toClara.has("mention"), toClara.toString());
            assertFalse(toClara.has("mention_count"), toClara.toString());

            bob.api().post("/api/v1/chats/" + chat + "/mark_read/", Map.of());
            JsonNode read = bobMain.next("read");
            assertFalse(read.has("mention_count"), "no unread mentions left: " + read);
            assertEquals(0, read.get("unread_count").asLong());
        }
    }
}
