package app.parley.server.accounts;

import static app.parley.server.support.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finding people by username or by a word of their name: {@code GET /api/v1/users?query=}. */
class PeopleSearchTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void aWordOfTheNameFindsThemInAnyLetterCaseCyrillicIncluded() {
        TestUser searcher = server.register("searcher");
        TestUser anna = named("anna", "Анна Каренина");
        TestUser boris = named("boris", "Boris Pasternak");
        named("clara", "Клара Новикова");

        assertEquals(List.of(anna.username()), usernames(searcher, "карен"));
        assertEquals(List.of(anna.username()), usernames(searcher, "АННА"));
        assertEquals(List.of(boris.username()), usernames(searcher, "PASTER"));
        assertEquals(List.of(), usernames(searcher, "ренин")); // inside a word is not a beginning
    }

    @Test
    void usernameMatchesComeFirstThenNameMatches() {
        TestUser searcher = server.register("finder");
        TestUser byName = named("zed", "Marta Lindqvist");
        TestUser byUsername = named("marta", "Someone Else");

        List<String> found = usernames(searcher, "mart");

        assertEquals(List.of(byUsername.username(), byName.username()), found);
    }

    @Test
    void theLimitAndOffsetPageTheResults() {
        TestUser searcher = server.register("pager");
        for (int i = 0; i < 3; i++) {
            named("pagee", "Quentin Page");
        }
        assertEquals(2, usernames(searcher, "quentin", "&limit=2").size());
        assertEquals(1, usernames(searcher, "quentin", "&limit=2&offset=2").size());
    }

    @Test
    void aBadLimitIsRefusedAndNobodyUnsignedMaySearch() {
        TestUser searcher = server.register("strict");
        assertError(searcher.api().get("/api/v1/users?query=a&limit=-1"), 400, "invalid_input", "limit");
        assertEquals(401, server.anonymous().get("/api/v1/users?query=a").status());
    }

    private static TestUser named(String prefix, String name) {
        TestUser user = server.register(prefix);
        var saved = user.api().post("/api/v1/user", Map.of("name", name));
        assertEquals(200, saved.status(), saved.toString());
        return user;
    }

    private static List<String> usernames(TestUser who, String query) {
        return usernames(who, query, "");
    }

    private static List<String> usernames(TestUser who, String query, String paging) {
        var answer = who.api().get("/api/v1/users?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + paging);
        assertEquals(200, answer.status(), answer.toString());
        JsonNode users = answer.json().get("users");
        return StreamSupport.stream(users.spliterator(), false)
                .map(user -> user.get("username").asText())
                .filter(username -> !username.startsWith("searcher")
                        && !username.startsWith("finder")
                        && !username.startsWith("pager"))
                .toList();
    }
}
