package app.parley.server.reactions;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Emoji reactions: who may react, what counts as an emoji, the counts, and who hears of it. */
class ReactionApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String reactionsPath(long chat, Object message) {
        return messagesPath(chat) + message + "/reactions/";
    }

    private static ApiClient.Response react(TestUser who, long chat, Object message, String emoji) {
        return who.api().post(reactionsPath(chat, message), Map.of("emoji", emoji));
    }

    private static ApiClient.Response takeBack(TestUser who, long chat, Object message, String emoji) {
        return who.api().delete(reactionsPath(chat, message) + URLEncoder.encode(emoji, StandardCharsets.UTF_8));
    }

    private static JsonNode reactionsSeenBy(TestUser reader, long chat, long message) {
        return history(reader, chat).stream()
                .filter(seen -> seen.get("id").asLong() == message)
                .findFirst()
                .orElseThrow()
                .path("reactions");
    }

    @Test
    void membersReactAndEveryoneSeesCountsAndWhoInTheOrderTheyCame() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long chat = group(alice, bob, clara);
        long id = send(alice, chat, "ship it?").get("id").asLong();

        assertEquals(200, react(bob, chat, id, "👍").status());
        assertEquals(200, react(clara, chat, id, "🎉").status());
        ApiClient.Response answer = react(clara, chat, id, "👍");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(200, react(clara, chat, id, "👍").status(), "the same again is fine");

        JsonNode reactions = answer.json().get("reactions");
        assertEquals(2, reactions.size());
        assertEquals("👍", reactions.get(0).get("emoji").asText());
        assertEquals(2, reactions.get(0).get("count").asInt());
        assertEquals(
                List.of(bob.username(), clara.username()),
                reactions.get(0).get("users").findValuesAsText("username"));
        assertEquals("🎉", reactions.get(1).get("emoji").asText());
        assertEquals(1, reactions.get(1).get("count").asInt());
        assertEquals(reactions, reactionsSeenBy(alice, chat, id), "history shows the same");
        assertEquals(id, answer.json().get("message_id").asLong());
        assertEquals(chat, answer.json().get("chat_id").asLong());
    }

    @Test
    void anEmojiWithOrWithoutItsVariationSelectorIsOneReaction() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "love it").get("id").asLong();

        assertEquals(200, react(alice, chat, id, "\u2764").status(), "the heart as some keyboards send it");
        JsonNode reactions = react(bob, chat, id, "\u2764\uFE0F").json().get("reactions");
        assertEquals(1, reactions.size(), reactions::toString);
        assertEquals("\u2764\uFE0F", reactions.get(0).get("emoji").asText(), "stored fully qualified");
        assertEquals(2, reactions.get(0).get("count").asInt());

        JsonNode afterAlice = takeBack(alice, chat, id, "\u2764\uFE0F").json().get("reactions");
        assertEquals(1, afterAlice.get(0).get("count").asInt(), "taken back in the other spelling");
        assertEquals(
                0, takeBack(bob, chat, id, "\u2764").json().get("reactions").size());
    }

    @Test
    void takingOnesOwnReactionBackLeavesTheOthersAndTheLastOneTakenLeavesNoReactions() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "ok").get("id").asLong();
        react(alice, chat, id, "👍");
        react(bob, chat, id, "👍");

        JsonNode afterBob = takeBack(bob, chat, id, "👍").json();
        assertEquals(1, afterBob.get("reactions").get(0).get("count").asInt());
        assertEquals(
                List.of(alice.username()),
                afterBob.get("reactions").get(0).get("users").findValuesAsText("username"));
        assertEquals(200, takeBack(bob, chat, id, "👍").status(), "one not there: nothing changes");

        takeBack(alice, chat, id, "👍");
        assertFalse(
                history(bob, chat).getFirst().has("reactions"), "a message without reactions has no reactions field");
    }

    @Test
    void skinTonesAndJoinedEmojiCountAsOneAndAnythingElseIsRefused() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "hi").get("id").asLong();

        assertEquals(200, react(bob, chat, id, "👍🏽").status());
        assertEquals(200, react(bob, chat, id, "👩‍💻").status());
        assertEquals(200, react(bob, chat, id, "🇷🇺").status());
        for (String bad : List.of("", "  ", "a", "👍👍", "ok 👍", ":thumbsup:", "x".repeat(100))) {
            assertError(react(bob, chat, id, bad), 400, "invalid_input", "emoji");
        }
        assertError(bob.api().post(reactionsPath(chat, id), Map.of()), 400, "invalid_input", "emoji");
        assertEquals(3, reactionsSeenBy(alice, chat, id).size());
    }

    @Test
    void outsidersCannotReactOrTakeBackAndAMissingMessageIsNotFound() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "between us").get("id").asLong();
        react(bob, chat, id, "❤️");

        assertError(react(mallory, chat, id, "👎"), 403, "not_a_member", null);
        assertError(takeBack(mallory, chat, id, "❤️"), 403, "not_a_member", null);
        assertError(react(bob, chat, 999_999, "👍"), 404, "message_not_found", null);
        long gone = send(alice, chat, "soon gone").get("id").asLong();
        alice.api().delete(messagesPath(chat) + gone + "/");
        assertError(react(bob, chat, gone, "👍"), 404, "message_not_found", null);

        JsonNode reactions = reactionsSeenBy(alice, chat, id);
        assertEquals(1, reactions.size());
        assertEquals("❤️", reactions.get(0).get("emoji").asText());
    }

    @Test
    void aMessageCarriesAtMostTwentyDifferentEmojiButMoreOfTheSameAreFine() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "vote").get("id").asLong();
        List<String> emoji = List.of(
                "😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊", "😋", "😎", "😍", "😘", "🥰", "😗", "😙",
                "🥲", "😚", "🙂");
        emoji.forEach(each -> assertEquals(200, react(alice, chat, id, each).status()));

        assertError(react(bob, chat, id, "🤗"), 409, "too_many_reactions", null);
        assertEquals(200, react(bob, chat, id, "😀").status());
        assertEquals(20, reactionsSeenBy(bob, chat, id).size());
    }

    @Test
    void theChatsSocketsHearOfReactionsAndNobodyElseDoes() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "news").get("id").asLong();
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient outsiderMain = openMain(server, outsider)) {

            react(bob, chat, id, "🔥");

            JsonNode added = aliceChat.next("reaction_added");
            assertEquals(chat, added.get("chat_id").asLong());
            assertEquals(id, added.get("message_id").asLong());
            assertEquals("🔥", added.get("emoji").asText());
            assertEquals(bob.username(), added.get("user").get("username").asText());
            assertEquals(1, added.get("reactions").get(0).get("count").asInt());
            assertEquals(added, bobChat.next("reaction_added"), "the reacting member's devices too");

            react(bob, chat, id, "🔥");
            assertSilent(aliceChat, bobChat, aliceMain, outsiderMain);

            takeBack(bob, chat, id, "🔥");
            JsonNode removed = aliceChat.next("reaction_removed");
            assertEquals("🔥", removed.get("emoji").asText());
            assertEquals(0, removed.get("reactions").size());
            bobChat.next("reaction_removed");
            assertSilent(aliceChat, bobChat, aliceMain, outsiderMain);
        }
    }
}
