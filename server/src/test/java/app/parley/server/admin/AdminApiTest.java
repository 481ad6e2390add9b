package app.parley.server.admin;

import static app.parley.server.messages.Conversations.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Administrators through the real server: the first person of a new server is one; they list
 * accounts, make them, disable and enable them (sockets close at once, tokens stop), reset
 * passwords and promote others; nobody else may, and the last administrator cannot be removed.
 */
class AdminApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static TestUser root;

    @BeforeAll
    static void theFirstPersonRegisters() {
        root = server.register("root");
    }

    private static ApiClient.Response change(TestUser who, TestUser target, Map<String, Object> change) {
        return who.api().patch("/api/v1/admin/users/" + target.id(), change);
    }

    private static JsonNode listed(TestUser target) {
        for (JsonNode user : root.api().get("/api/v1/admin/users").json().get("users")) {
            if (user.get("id").asLong() == target.id()) {
                return user;
            }
        }
        throw new AssertionError("user " + target.username() + " is not listed");
    }

    @Test
    void theFirstPersonAdministersAndSaysSoWhileOthersAreRefused() {
        ApiClient.Response overview = root.api().get("/api/v1/admin");
        assertEquals(200, overview.status(), overview::toString);
        assertEquals("open", overview.json().get("registration").asText());
        assertTrue(listed(root).get("admin").asBoolean());

        TestUser anna = server.register("anna");
        assertFalse(listed(anna).get("admin").asBoolean(), "only the first");
        assertError(anna.api().get("/api/v1/admin"), 403, "not_an_admin", null);
        assertError(anna.api().get("/api/v1/admin/users"), 403, "not_an_admin", null);
        assertError(change(anna, root, Map.of("disabled", true)), 403, "not_an_admin", null);
        assertError(
                anna.api().post("/api/v1/admin/users", Map.of("username", "sneaky", "password", "long enough")),
                403,
                "not_an_admin",
                null);
        assertFalse(listed(root).get("disabled").asBoolean(), "nothing changed");
        assertEquals(401, server.anonymous().get("/api/v1/admin/users").status());
    }

    @Test
    void disablingClosesSocketsAtOnceStopsTokensAndEnablingLetsThePersonSignInAgain() {
        TestUser boris = server.register("boris");
        SocketClient main = Sockets.openMain(server, boris);

        ApiClient.Response disabled = change(root, boris, Map.of("disabled", true));
        assertEquals(200, disabled.status(), disabled::toString);
        assertTrue(disabled.json().get("disabled").asBoolean());
        assertEquals(4401, main.closeCode());
        assertEquals(401, boris.api().get("/api/v1/user").status());
        Map<String, String> credentials =
                Map.of("username", boris.username(), "password", "password-" + boris.username());
        assertError(server.anonymous().post("/api/v1/auth/login", credentials), 403, "account_disabled", null);

        assertEquals(200, change(root, boris, Map.of("disabled", false)).status());
        assertEquals(
                200, server.anonymous().post("/api/v1/auth/login", credentials).status());
        assertEquals(401, boris.api().get("/api/v1/user").status(), "the old session stays ended");
    }

    @Test
    void aPasswordResetEndsEverySessionAndTheNewPasswordWorks() {
        TestUser clara = server.register("clara");
        assertError(change(root, clara, Map.of("password", "short")), 400, "invalid_input", "password");
        assertEquals(200, clara.api().get("/api/v1/user").status(), "a refused reset ends nothing");

        assertEquals(
                200, change(root, clara, Map.of("password", "a fresh password")).status());
        assertEquals(401, clara.api().get("/api/v1/user").status());
        assertEquals(
                200,
                server.anonymous()
                        .post(
                                "/api/v1/auth/login",
                                Map.of("username", clara.username(), "password", "a fresh password"))
                        .status());
    }

    @Test
    void administratorsPromoteOthersButNeverLeaveTheServerWithoutOne() {
        TestUser dora = server.register("dora");
        assertError(change(root, root, Map.of("admin", false)), 409, "last_admin", null);
        assertError(change(root, root, Map.of("disabled", true)), 409, "cannot_disable_yourself", null);

        assertEquals(200, change(root, dora, Map.of("admin", true)).status());
        assertEquals(200, dora.api().get("/api/v1/admin/users").status(), "dora administers now");
        assertEquals(
                200, change(dora, root, Map.of("admin", false)).status(), "one may step down while another remains");
        assertError(change(dora, dora, Map.of("admin", false)), 409, "last_admin", null);
        assertEquals(200, change(dora, root, Map.of("admin", true)).status());
    }

    @Test
    void anAdministratorMakesAccountsAndBadChangesAreClear() {
        ApiClient.Response made = root.api()
                .post("/api/v1/admin/users", Map.of("username", "erik", "password", "long enough", "name", "Erik"));
        assertEquals(201, made.status(), made::toString);
        assertEquals("erik", made.json().get("username").asText());
        assertFalse(made.json().get("admin").asBoolean());
        assertEquals(
                200,
                server.anonymous()
                        .post("/api/v1/auth/login", Map.of("username", "erik", "password", "long enough"))
                        .status());

        assertError(
                root.api().post("/api/v1/admin/users", Map.of("username", "erik", "password", "long enough")),
                409,
                "username_taken",
                null);
        assertError(
                root.api().patch("/api/v1/admin/users/" + made.json().get("id").asLong(), Map.of()),
                400,
                "invalid_input",
                null);
        assertEquals(
                404,
                root.api()
                        .patch("/api/v1/admin/users/999999", Map.of("disabled", true))
                        .status());
        assertError(
                root.api().patch("/api/v1/admin/users/abc", Map.of("disabled", true)), 400, "invalid_input", "user_id");
    }
}
