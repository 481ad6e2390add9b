package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.assertErrorBody;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.ids;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.sendAll;
import static app.parley.server.messages.Conversations.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    /** A chat with a long history, shared by the tests that only read it. */
    private static TestUser alice;

    private static TestUser bob;
    private static long longChat;
    private static List<Long> longChatIds;

    @BeforeAll
    static void aLongConversation() {
        alice = server.register("alice");
        bob = server.register("bob");
        longChat = privateChat(alice, bob);
        List<Long> sent = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            sent.add(send(i % 2 == 0 ? bob : alice, longChat, "message " + i)
                    .get("id")
                    .asLong());
        }
        longChatIds = List.copyOf(sent);
    }

    @Test
    void aPageHasResultsNextAndPreviousAndIsNewestFirstByDefault() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chat = privateChat(carol, dave);
        List<Long> sent = sendAll(carol, chat, "one", "two", "three");

        JsonNode page = dave.api().get(messagesPath(chat)).json();

        Set<String> keys = new TreeSet<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("next", "previous", "results"), keys);
        assertEquals(List.of("three", "two", "one"), texts(page.get("results")));
        assertEquals(sent.reversed(), ids(page.get("results")));
        assertTrue(page.get("next").isNull());
        assertTrue(page.get("previous").isNull());
    }

    @Test
    void theMessagesInHistoryAreTheMessagesAsSent() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chat = privateChat(carol, dave);
        JsonNode first = send(carol, chat, "first");
        JsonNode second = send(dave, chat, "second");

        JsonNode results = carol.api().get(messagesPath(chat)).json().get("results");

        assertEquals(List.of(second, first), List.of(results.get(0), results.get(1)));
        assertEquals(2, results.size());
    }

    @Test
    void anEmptyChatHasAnEmptyPage() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chat = privateChat(carol, dave);

        JsonNode page = carol.api().get(messagesPath(chat)).json();

        assertEquals(0, page.get("results").size());
        assertTrue(page.get("next").isNull());
        assertTrue(page.get("previous").isNull());
    }

    @Test
    void limitAndOffsetSelectAWindowOfTheNewestFirstHistory() {
        JsonNode page =
                alice.api().get(messagesPath(longChat) + "?limit=5&offset=10").json();

        assertEquals(longChatIds.reversed().subList(10, 15), ids(page.get("results")));
    }

    @Test
    void orderAscAndDescChooseTheDirection() {
        JsonNode asc =
                alice.api().get(messagesPath(longChat) + "?order=asc&limit=3").json();
        JsonNode desc =
                alice.api().get(messagesPath(longChat) + "?order=desc&limit=3").json();

        assertEquals(longChatIds.subList(0, 3), ids(asc.get("results")));
        assertEquals(longChatIds.reversed().subList(0, 3), ids(desc.get("results")));
    }

    @Test
    void beforeAndAfterAreExclusiveMessageIdCursors() {
        long tenth = longChatIds.get(9);
        long twentieth = longChatIds.get(19);

        JsonNode before = alice.api()
                .get(messagesPath(longChat) + "?before=" + tenth + "&limit=3")
                .json();
        JsonNode after = alice.api()
                .get(messagesPath(longChat) + "?after=" + tenth + "&limit=3")
                .json();
        JsonNode afterNewestFirst = alice.api()
                .get(messagesPath(longChat) + "?after=" + tenth + "&order=desc&limit=3")
                .json();
        JsonNode between = alice.api()
                .get(messagesPath(longChat) + "?after=" + tenth + "&before=" + twentieth)
                .json();

        assertEquals(List.of(longChatIds.get(8), longChatIds.get(7), longChatIds.get(6)), ids(before.get("results")));
        // Catching up after a cursor reads forwards unless told otherwise.
        assertEquals(List.of(longChatIds.get(10), longChatIds.get(11), longChatIds.get(12)), ids(after.get("results")));
        assertEquals(longChatIds.reversed().subList(0, 3), ids(afterNewestFirst.get("results")));
        assertEquals(longChatIds.subList(10, 19).reversed(), ids(between.get("results")));
    }

    @Test
    void followingNextWalksTheWholeHistoryNewestFirstExactlyOnce() {
        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String path = messagesPath(longChat) + "?limit=50";

        while (path != null) {
            ApiClient.Response response = bob.api().get(path);
            assertEquals(200, response.status(), response.body());
            pageSizes.add(response.json().get("results").size());
            seen.addAll(ids(response.json().get("results")));
            JsonNode next = response.json().get("next");
            path = next.isNull() ? null : next.asText();
        }

        assertEquals(List.of(50, 50, 20), pageSizes);
        assertEquals(longChatIds.reversed(), seen);
        assertEquals(120, new HashSet<>(seen).size());
    }

    @Test
    void followingNextWalksTheWholeHistoryOldestFirstExactlyOnce() {
        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String path = messagesPath(longChat) + "?limit=50&order=asc";

        while (path != null) {
            JsonNode page = alice.api().get(path).json();
            pageSizes.add(page.get("results").size());
            seen.addAll(ids(page.get("results")));
            path = page.get("next").isNull() ? null : page.get("next").asText();
        }

        assertEquals(List.of(50, 50, 20), pageSizes);
        assertEquals(longChatIds, seen);
    }

    @Test
    void followingNextFromARangeStaysWithinTheRange() {
        long after = longChatIds.get(9);
        long before = longChatIds.get(20);

        List<Long> forwards =
                walk(messagesPath(longChat) + "?after=" + after + "&before=" + before + "&order=asc&limit=4");
        List<Long> backwards = walk(messagesPath(longChat) + "?after=" + after + "&before=" + before + "&limit=4");

        assertEquals(longChatIds.subList(10, 20), forwards);
        assertEquals(longChatIds.subList(10, 20).reversed(), backwards);
    }

    /** Every message id met by following {@code next} links from {@code path}. */
    private static List<Long> walk(String path) {
        List<Long> seen = new ArrayList<>();
        while (path != null) {
            JsonNode page = alice.api().get(path).json();
            seen.addAll(ids(page.get("results")));
            path = page.get("next").isNull() ? null : page.get("next").asText();
        }
        return seen;
    }

    @Test
    void aFullLastPageHasNoNextLink() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chat = privateChat(carol, dave);
        List<Long> sent = sendAll(carol, chat, "1", "2", "3", "4");

        JsonNode first = dave.api().get(messagesPath(chat) + "?limit=2").json();
        JsonNode second = dave.api().get(first.get("next").asText()).json();
        JsonNode everything = dave.api().get(messagesPath(chat) + "?limit=4").json();

        assertEquals(List.of(sent.get(3), sent.get(2)), ids(first.get("results")));
        assertEquals(List.of(sent.get(1), sent.get(0)), ids(second.get("results")));
        assertTrue(second.get("next").isNull(), second.toString());
        assertTrue(everything.get("next").isNull(), everything.toString());
    }

    @Test
    void thePreviousLinkOfTheSecondPageLeadsBackToTheFirstPagesMessages() {
        JsonNode first = alice.api().get(messagesPath(longChat) + "?limit=50").json();
        JsonNode second = alice.api().get(first.get("next").asText()).json();

        JsonNode back = alice.api().get(second.get("previous").asText()).json();

        assertEquals(new TreeSet<>(ids(first.get("results"))), new TreeSet<>(ids(back.get("results"))));
    }

    @Test
    void theWalkDoesNotSkipOrRepeatWhenNewMessagesArriveMeanwhile() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chat = privateChat(carol, dave);
        List<Long> sent = sendAll(
                carol, chat, IntStream.rangeClosed(1, 7).mapToObj(i -> "m" + i).toArray(String[]::new));

        JsonNode first = dave.api().get(messagesPath(chat) + "?limit=3").json();
        send(carol, chat, "late arrival");
        List<Long> seen = new ArrayList<>(ids(first.get("results")));
        String path = first.get("next").asText();
        while (path != null) {
            JsonNode page = dave.api().get(path).json();
            seen.addAll(ids(page.get("results")));
            path = page.get("next").isNull() ? null : page.get("next").asText();
        }

        assertEquals(sent.reversed(), seen);
    }

    @Test
    void aChatsHistoryHoldsOnlyItsOwnMessages() {
        TestUser carol = server.register("carol");
        long withAlice = privateChat(carol, alice);
        long group = group(carol, alice);
        send(carol, withAlice, "private");
        send(carol, group, "in the group");

        assertEquals(
                List.of("private"),
                history(alice, withAlice).stream()
                        .map(m -> m.get("text").asText())
                        .toList());
        assertEquals(
                List.of("in the group"),
                history(alice, group).stream().map(m -> m.get("text").asText()).toList());
        assertTrue(history(alice, group).stream().allMatch(m -> m.get("chat_id").asLong() == group));
    }

    @Test
    void historyIsReachableByUuidAndRoomNameWithAndWithoutTheTrailingSlash() {
        JsonNode room = room(alice, longChat);
        List<Long> newestThree = longChatIds.reversed().subList(0, 3);

        for (Object chat : List.of(
                longChat, room.get("uuid").asText(), room.get("room_name").asText())) {
            for (String path : List.of("/api/v1/chats/" + chat + "/messages/", "/api/v1/chats/" + chat + "/messages")) {
                ApiClient.Response response = bob.api().get(path + "?limit=3");
                assertEquals(200, response.status(), path + " -> " + response.body());
                assertEquals(newestThree, ids(response.json().get("results")), path);
            }
        }
    }

    @Test
    void outOfRangePagingIsABadRequestNamingTheParameter() {
        String path = messagesPath(longChat);

        assertError(alice.api().get(path + "?limit=0"), 400, "invalid_input", "limit");
        assertError(alice.api().get(path + "?limit=-1"), 400, "invalid_input", "limit");
        assertError(alice.api().get(path + "?limit=201"), 400, "invalid_input", "limit");
        assertError(alice.api().get(path + "?offset=-1"), 400, "invalid_input", "offset");
        assertError(alice.api().get(path + "?order=sideways"), 400, "invalid_input", "order");
        assertError(alice.api().get(path + "?before=0"), 400, "invalid_input", "before");
        assertError(alice.api().get(path + "?after=-1"), 400, "invalid_input", "after");
        assertEquals(200, alice.api().get(path + "?limit=200").status());
    }

    @Test
    void nonNumericPagingIsABadRequestNamingTheParameter() {
        String path = messagesPath(longChat);

        assertErrorBody(
                alice.api().get(path + "?limit=ten"),
                400,
                "bad_request",
                "limit has the wrong type or format: 'ten'",
                "limit");
        assertError(alice.api().get(path + "?offset=x"), 400, "bad_request", "offset");
        assertError(alice.api().get(path + "?before=abc"), 400, "bad_request", "before");
        assertError(alice.api().get(path + "?after=1.5"), 400, "bad_request", "after");
        assertError(alice.api().get(path + "?limit=99999999999"), 400, "bad_request", "limit");
    }

    @Test
    void aNonMemberCannotReadTheHistory() {
        TestUser mallory = server.register("mallory");

        assertError(mallory.api().get(messagesPath(longChat)), 403, "not_a_member", null);
        assertError(mallory.api().get("/api/v1/chats/" + longChat + "/messages"), 403, "not_a_member", null);
        assertError(
                mallory.api()
                        .get(messagesPath(room(alice, longChat).get("room_name").asText())),
                403,
                "not_a_member",
                null);
    }

    @Test
    void anUnknownChatIsNotFound() {
        assertError(alice.api().get(messagesPath(987_654)), 404, "chat_not_found", null);
    }

    @Test
    void readingHistoryWithoutATokenIsUnauthorized() {
        assertError(server.anonymous().get(messagesPath(longChat)), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/chats/" + longChat + "/messages"), 401, "unauthorized", null);
    }
}
