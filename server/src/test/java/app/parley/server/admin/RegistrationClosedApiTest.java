package app.parley.server.admin;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closed registration: nobody registers, not even with an invite; an administrator makes accounts. */
class RegistrationClosedApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.accounts.registration", "closed");

    @Test
    void nobodyRegistersNotEvenWithAnInviteButAnAdministratorMakesAccounts() {
        TestUser admin = server.adminCreates("admin");
        long chat = group(admin);
        String token = admin.api()
                .post("/api/v1/chats/" + chat + "/invites/", Map.of())
                .json()
                .get("token")
                .asText();
        assertError(
                server.anonymous().post("/api/v1/auth/register", person("x1", null)), 403, "registration_closed", null);
        assertError(
                server.anonymous().post("/api/v1/auth/register", person("x2", token)),
                403,
                "registration_closed",
                null);
        assertEquals(
                "closed",
                admin.api().get("/api/v1/admin").json().get("registration").asText());
        assertEquals(
                201,
                admin.api()
                        .post("/api/v1/admin/users", Map.of("username", "made", "password", "long enough 1"))
                        .status());
    }

    private static Map<String, Object> person(String username, String invite) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", "long enough 1"));
        if (invite != null) {
            body.put("invite", invite);
        }
        return body;
    }
}
