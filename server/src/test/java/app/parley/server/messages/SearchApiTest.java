package app.parley.server.messages;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.ids;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SearchApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static TestUser alice;
    private static TestUser bob;
    private static long chat;
    private static JsonNode greeting;
    private static JsonNode english;
    private static JsonNode tree;

    @BeforeAll
    static void aChatWithSomeMessages() {
        alice = server.register("alice");
        bob = server.register("bob");
        chat = privateChat(alice, bob);
        greeting = send(alice, chat, "Привет, МИР! Как дела?");
        english = send(bob, chat, "Hello World, nice weather");
        tree = send(alice, chat, "Купили ёлку и ЁЖИКА");
        send(bob, chat, "совсем другое сообщение");
    }

    private static ApiClient.Response search(TestUser user, Object chatRef, String query) {
        return user.api()
                .get("/api/v1/chats/" + chatRef + "/search/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> found(String query) {
        ApiClient.Response response = search(bob, chat, query);
        assertEquals(200, response.status(), query + " -> " + response.body());
        return texts(response.json().get("results"));
    }

    @Test
    void theAnswerNamesTheQueryAndListsTheMatchingMessagesWhole() {
        ApiClient.Response response = search(bob, chat, "привет");

        assertEquals(200, response.status(), response.body());
        var expected = JSON.createObjectNode().put("query", "привет");
        expected.putArray("results").add(greeting);
        assertEquals(expected, response.json());
    }

    @Test
    void searchIgnoresCaseInCyrillicAndLatin() {
        for (String query : List.of("привет", "ПРИВЕТ", "Привет", "пРиВеТ", "мир", "Мир")) {
            assertEquals(List.of(greeting.get("text").asText()), found(query), query);
        }
        for (String query : List.of("hello", "HELLO", "World", "wOrLd")) {
            assertEquals(List.of(english.get("text").asText()), found(query), query);
        }
        for (String query : List.of("ЁЛКУ", "ёжика", "Ёжик")) {
            assertEquals(List.of(tree.get("text").asText()), found(query), query);
        }
    }

    @Test
    void aWordMatchesByItsBeginning() {
        assertEquals(List.of(greeting.get("text").asText()), found("прив"));
        assertEquals(List.of(greeting.get("text").asText()), found("ПРИ"));
        assertEquals(List.of(english.get("text").asText()), found("hel"));
        // Only the start of a word: the middle or the end does not match.
        assertEquals(List.of(), found("ивет"));
        assertEquals(List.of(), found("orld"));
        assertEquals(List.of(), found("приветствие"));
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        assertEquals(List.of(greeting.get("text").asText()), found("привет мир"));
        assertEquals(List.of(greeting.get("text").asText()), found("мир привет"));
        assertEquals(List.of(greeting.get("text").asText()), found("прив, дела!"));
        assertEquals(List.of(), found("привет hello"));
        assertEquals(List.of(english.get("text").asText()), found("hello weather"));
    }

    @Test
    void resultsAreRankedByRelevanceNotByAge() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long ranked = privateChat(carol, dave);
        // Oldest first: the best match is the oldest and the worst one sits in the middle.
        long best = send(carol, ranked, "кот кот кот").get("id").asLong();
        long worst = send(carol, ranked, "вчера вечером я видел рыжего кота у большого старого дома на углу улицы")
                .get("id")
                .asLong();
        long middle = send(carol, ranked, "кот спит на окне").get("id").asLong();
        send(carol, ranked, "здесь нет нужного слова");

        JsonNode results = search(dave, ranked, "кот").json().get("results");

        assertEquals(List.of(best, middle, worst), ids(results));
    }

    @Test
    void equallyGoodMatchesComeNewestFirst() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long ties = privateChat(carol, dave);
        long older = send(carol, ties, "одинаковый текст").get("id").asLong();
        long newer = send(dave, ties, "одинаковый текст").get("id").asLong();

        assertEquals(
                List.of(newer, older),
                ids(search(carol, ties, "одинаковый").json().get("results")));
    }

    @Test
    void searchFindsOnlyThatChatsMessages() {
        TestUser carol = server.register("carol");
        long otherChat = privateChat(alice, carol);
        long otherGroup = group(alice, bob, carol);
        send(alice, otherChat, "Привет, Кэрол");
        send(carol, otherGroup, "Привет всем");

        JsonNode here = search(bob, chat, "привет").json().get("results");
        JsonNode there = search(carol, otherChat, "привет").json().get("results");

        assertEquals(List.of(greeting.get("id").asLong()), ids(here));
        assertEquals(List.of("Привет, Кэрол"), texts(there));
    }

    @Test
    void searchSyntaxInTheQueryIsTakenAsPlainWords() {
        String hello = greeting.get("text").asText();
        assertEquals(List.of(hello), found("\"привет\""));
        assertEquals(List.of(hello), found("привет*"));
        assertEquals(List.of(hello), found("-привет"));
        assertEquals(List.of(hello), found("(привет)"));
        assertEquals(List.of(hello), found("привет^"));
        assertEquals(List.of(hello), found("{привет}"));
        assertEquals(List.of(hello), found("привет\""));
        assertEquals(List.of(hello), found("'привет'"));
        assertEquals(List.of(hello), found("привет + мир"));
        // Operators are words like any other, and no message here has them.
        assertEquals(List.of(), found("привет OR hello"));
        assertEquals(List.of(), found("NOT привет"));
        assertEquals(List.of(), found("NEAR(привет мир)"));
        assertEquals(List.of(), found("text:привет"));
        assertEquals(List.of(), found("привет AND"));
    }

    @Test
    void noQueryEverCausesAServerError() {
        for (String query : List.of(
                "\"",
                "\"\"",
                "*",
                "**",
                "-",
                ":",
                "^",
                "(",
                ")",
                "()",
                "NEAR",
                "NEAR(",
                "AND",
                "OR",
                "NOT",
                "\"unbalanced",
                "a\"b",
                "a*b",
                "a:b:c",
                "col:",
                "{a b}",
                "'; DROP TABLE messages; --",
                "%",
                "_",
                "\\",
                "\u0000",
                "😀",
                "½",
                "𞤀𞤁",
                "x\u0301",
                "٣",
                "привет ⁂ мир",
                "a".repeat(200))) {
            ApiClient.Response response = search(bob, chat, query);
            assertNotEquals(500, response.status(), query + " -> " + response.body());
            assertEquals(response.status() == 200 ? 200 : 400, response.status(), query + " -> " + response.body());
        }
        assertEquals(200, search(alice, chat, "hello").status());
    }

    @Test
    void anEmptyBlankOrPunctuationOnlyQueryIsABadRequest() {
        for (String query : List.of("", "   ", "\t\n", "\"", "*", "-", ":", "\"*\"", "()", "-- !!! ...", "😀")) {
            assertError(search(bob, chat, query), 400, "invalid_input", "query");
        }
        assertError(bob.api().get("/api/v1/chats/" + chat + "/search/"), 400, "invalid_input", "query");
    }

    @Test
    void anOverlongQueryIsABadRequest() {
        assertError(search(bob, chat, "a".repeat(201)), 400, "invalid_input", "query");
        assertEquals(200, search(bob, chat, "a".repeat(200)).status());
    }

    @Test
    void anOutOfRangeLimitIsABadRequestAndAGoodOneCapsTheResults() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long many = privateChat(carol, dave);
        for (int i = 0; i < 5; i++) {
            send(carol, many, "повтор " + i);
        }

        assertError(
                carol.api().get("/api/v1/chats/" + many + "/search/?query=повтор&limit=0"),
                400,
                "invalid_input",
                "limit");
        assertError(
                carol.api().get("/api/v1/chats/" + many + "/search/?query=повтор&limit=201"),
                400,
                "invalid_input",
                "limit");
        assertEquals(
                2,
                carol.api()
                        .get("/api/v1/chats/" + many + "/search/?query=повтор&limit=2")
                        .json()
                        .get("results")
                        .size());
        assertEquals(
                5,
                carol.api()
                        .get("/api/v1/chats/" + many + "/search/?query=повтор")
                        .json()
                        .get("results")
                        .size());
    }

    @Test
    void theChatMayBeNamedByIdUuidOrRoomNameWithAndWithoutTheTrailingSlash() {
        JsonNode room = room(bob, chat);
        for (Object ref :
                List.of(chat, room.get("uuid").asText(), room.get("room_name").asText())) {
            for (String path : List.of(
                    "/api/v1/chats/" + ref + "/search/?query=hello", "/api/v1/chats/" + ref + "/search?query=hello")) {
                ApiClient.Response response = bob.api().get(path);
                assertEquals(200, response.status(), path + " -> " + response.body());
                assertEquals(
                        List.of(english), List.of(response.json().get("results").get(0)), path);
            }
        }
    }

    @Test
    void aDeletedMessageIsNoLongerFound() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long deleting = privateChat(carol, dave);
        long gone = send(carol, deleting, "исчезающее сообщение").get("id").asLong();
        long kept = send(carol, deleting, "исчезающее, но оставшееся").get("id").asLong();

        carol.api().delete("/api/v1/chats/" + deleting + "/messages/" + gone + "/");

        assertEquals(
                List.of(kept), ids(search(dave, deleting, "исчезающее").json().get("results")));
    }

    @Test
    void aNonMemberCannotSearchAChat() {
        TestUser mallory = server.register("mallory");

        assertError(search(mallory, chat, "привет"), 403, "not_a_member", null);
        assertError(search(mallory, room(alice, chat).get("room_name").asText(), "привет"), 403, "not_a_member", null);
        // Refused as a stranger even with a query that would be refused anyway.
        assertError(search(mallory, chat, ""), 403, "not_a_member", null);
    }

    @Test
    void searchingAnUnknownChatIsNotFound() {
        assertError(search(alice, 987_654, "привет"), 404, "chat_not_found", null);
    }

    @Test
    void searchingWithoutATokenIsUnauthorized() {
        assertError(
                server.anonymous().get("/api/v1/chats/" + chat + "/search/?query=hello"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/chats/" + chat + "/search?query=hello"), 401, "unauthorized", null);
    }
}
