package app.parley.server.admin;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registration by invitation only: a valid invite registers and joins its group; nothing else does, in any dialect. */
class RegistrationInviteOnlyApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.accounts.registration", "invite-only");

    @Test
    void onlyAValidInviteRegistersAndItJoinsTheGroup() {
        // The first account comes from the administrator's tool, as on such a server.
        TestUser owner = server.adminCreates("owner");
        long chat = group(owner);
        String token = owner.api()
                .post("/api/v1/chats/" + chat + "/invites/", Map.of())
                .json()
                .get("token")
                .asText();
        ApiClient anyone = server.anonymous();

        assertError(anyone.post("/api/v1/auth/register", person("nobody", null)), 403, "invite_required", null);
        String missing = "A".repeat(token.length());
        assertError(anyone.post("/api/v1/auth/register", person("guesser", missing)), 404, "invite_not_found", null);
        assertError(
                anyone.post("/api/v1/auth/register", person("typo", "no such link")), 400, "invalid_input", "invite");
        assertEquals(
                403,
                anyone.post("/register", Map.of("username", "seed3", "password", "long enough 1"))
                        .status());
        assertEquals(
                403,
                anyone.post("/api/auth/register", Map.of("email", "s4@example.org", "password", "long enough 1"))
                        .status());
        assertEquals(
                403, anyone.post("/create_user", Map.of("username", "seed0")).status());

        ApiClient.Response joined =
                anyone.post("/api/v1/auth/register", person("invited", "http://host/invite/" + token));
        assertEquals(201, joined.status(), joined::toString);
        ApiClient invited = anyone.withToken(joined.json().get("access_token").asText());
        assertEquals(1, invited.get("/api/v1/chats").json().get("rooms").size(), "in the invite's group");
        assertEquals(
                401,
                anyone.post("/api/v1/auth/login", Map.of("username", "nobody", "password", "long enough 1"))
                        .status());
    }

    @Test
    void aSingleUseInviteAdmitsOneAccountHoweverManyRegisterAtOnce() throws Exception {
        TestUser owner = server.adminCreates("host");
        long chat = group(owner);
        String token = owner.api()
                .post("/api/v1/chats/" + chat + "/invites/", Map.of("max_uses", 1))
                .json()
                .get("token")
                .asText();
        int racers = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<ApiClient.Response>>();
            for (int i = 0; i < racers; i++) {
                String name = "racer" + i;
                answers.add(pool.submit(() -> server.anonymous().post("/api/v1/auth/register", person(name, token))));
            }
            int made = 0;
            for (var answer : answers) {
                ApiClient.Response response = answer.get();
                if (response.status() == 201) {
                    made++;
                } else {
                    assertEquals(410, response.status(), response::toString);
                }
            }
            assertEquals(1, made, "one use, one account");
            long accounts = 0;
            for (var user :
                    owner.api().get("/api/v1/users?username=racer").json().get("users")) {
                accounts++;
            }
            assertEquals(1, accounts, "the others' accounts were not kept");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> person(String username, String invite) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", "long enough 1"));
        if (invite != null) {
            body.put("invite", invite);
        }
        return body;
    }
}
