package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/search}: every chat of the caller's, newest first, each hit naming its chat. */
class SearchEverywhereApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static ApiClient.Response search(TestUser user, String query) {
        return user.api().get("/api/v1/search/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static JsonNode results(TestUser user, String query) {
        ApiClient.Response response = search(user, query);
        assertEquals(200, response.status(), response.body());
        assertEquals(query, response.json().get("query").asText());
        return response.json().get("results");
    }

    @Test
    void findsMatchesInAllTheCallersChatsNewestFirstEachNamingItsChat() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        TestUser vera = server.register("vera");
        long withBoris = privateChat(anna, boris);
        long team = group(anna, boris, vera);
        long borisAndVera = privateChat(boris, vera);
        JsonNode first = send(boris, withBoris, "Отчёт готов, посмотри");
        send(vera, team, "обед в час");
        JsonNode second = send(vera, team, "Где отчёт за ноябрь?");
        send(vera, borisAndVera, "отчёт только для Бориса");
        JsonNode third = send(anna, withBoris, "ОТЧЁТЫ отправила");

        JsonNode found = results(anna, "отчё");

        assertEquals(List.of("ОТЧЁТЫ отправила", "Где отчёт за ноябрь?", "Отчёт готов, посмотри"), texts(found));
        assertEquals(third, found.get(0));
        assertEquals(
                List.of(withBoris, team, withBoris),
                found.findValues("chat_id").stream().map(JsonNode::asLong).toList());
        assertEquals(second.get("id"), found.get(1).get("id"));
        assertEquals(first.get("id"), found.get(2).get("id"));
        assertEquals(
                List.of("отчёт только для Бориса", "Где отчёт за ноябрь?"),
                texts(results(vera, "отчёт")),
                "vera's own chats only");
    }

    @Test
    void limitTakesTheNewestAndEveryWordMustMatch() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = privateChat(anna, boris);
        for (int i = 1; i <= 5; i++) {
            send(boris, chat, "meeting number " + i);
        }
        send(boris, chat, "meeting moved");

        ApiClient.Response limited = anna.api().get("/api/v1/search?query=meeting&limit=2");
        assertEquals(200, limited.status(), limited.body());
        assertEquals(
                List.of("meeting moved", "meeting number 5"),
                texts(limited.json().get("results")));
        assertEquals(List.of("meeting number 3"), texts(results(anna, "MEET numb 3")));
        assertEquals(List.of(), texts(results(anna, "meeting cancelled")));
    }

    @Test
    void aChatLeftOrNeverJoinedIsNotSearched() {
        TestUser owner = server.register("owner");
        TestUser leaver = server.register("leaver");
        TestUser stranger = server.register("stranger");
        long team = group(owner, leaver);
        send(owner, team, "секретный план запуска");

        assertEquals(1, results(leaver, "секретный").size());
        assertEquals(0, results(stranger, "секретный").size(), "a chat the caller was never in");
        ApiClient.Response left = leaver.api().post("/api/v1/group/" + team + "/leave", Map.of());
        assertEquals(200, left.status(), left.body());
        assertEquals(0, results(leaver, "секретный").size(), "a chat the caller left");
        assertEquals(1, results(owner, "секретный").size());
    }

    @Test
    void badQueriesAndLimitsAreRefusedWithTheirField() {
        TestUser anna = server.register("anna");

        assertError(anna.api().get("/api/v1/search/"), 400, "invalid_input", "query");
        assertError(search(anna, "   "), 400, "invalid_input", "query");
        assertError(search(anna, "?!.,"), 400, "invalid_input", "query");
        assertError(search(anna, "x".repeat(201)), 400, "invalid_input", "query");
        assertError(anna.api().get("/api/v1/search/?query=a&limit=0"), 400, "invalid_input", "limit");
        assertError(anna.api().get("/api/v1/search/?query=a&limit=201"), 400, "invalid_input", "limit");
        assertError(anna.api().get("/api/v1/search/?query=a&limit=many"), 400, "bad_request", "limit");
    }

    @Test
    void onlyASignedInPersonMaySearch() {
        assertEquals(401, server.anonymous().get("/api/v1/search/?query=plan").status());
        assertEquals(
                401,
                server.anonymous()
                        .withToken("not-a-token")
                        .get("/api/v1/search/?query=plan")
                        .status());
    }
}
