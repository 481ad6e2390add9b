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

/** Open registration: anyone registers, and an invite given along joins its group at once. */
class RegistrationOpenApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void anyoneRegistersAndAnInviteJoinsItsGroupAtOnce() {
        TestUser owner = server.register("owner");
        long chat = group(owner);
        String token = owner.api()
                .post("/api/v1/chats/" + chat + "/invites/", Map.of())
                .json()
                .get("token")
                .asText();
        assertEquals(
                201,
                server.anonymous()
                        .post("/api/v1/auth/register", person("plain", null))
                        .status());
        ApiClient.Response joined = server.anonymous().post("/api/v1/auth/register", person("joiner", token));
        assertEquals(201, joined.status());
        ApiClient joiner =
                server.anonymous().withToken(joined.json().get("access_token").asText());
        assertEquals(1, joiner.get("/api/v1/chats").json().get("rooms").size());
        assertError(
                server.anonymous().post("/api/v1/auth/register", person("badlink", "not a link at all")),
                400,
                "invalid_input",
                "invite");
        assertEquals(
                401,
                server.anonymous()
                        .post("/api/v1/auth/login", Map.of("username", "badlink", "password", "long enough 1"))
                        .status(),
                "a refused invite makes no account");
    }

    private static Map<String, Object> person(String username, String invite) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", "long enough 1"));
        if (invite != null) {
            body.put("invite", invite);
        }
        return body;
    }
}
