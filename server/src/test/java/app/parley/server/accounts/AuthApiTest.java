package app.parley.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void registeringReturnsATokenThatOpensTheApi() {
        ApiClient.Response registered = server.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("username", "Мария", "password", "correct horse", "name", "Мария Иванова"));

        assertEquals(201, registered.status(), registered.body());
        assertEquals("Bearer", registered.json().get("token_type").asText());
        assertEquals(
                registered.json().get("access_token").asText(),
                registered.json().get("token").asText());
        var me = server.anonymous()
                .withToken(registered.json().get("access_token").asText())
                .get("/api/v1/user");
        assertEquals(200, me.status());
        assertEquals("Мария", me.json().get("username").asText());
        assertEquals("Мария Иванова", me.json().get("name").asText());
    }

    @Test
    void loggingInWithTheRightPasswordReturnsATokenForThatUser() {
        server.anonymous().post("/api/v1/auth/register", Map.of("username", "bob_login", "password", "hunter2hunter2"));

        var login = server.anonymous()
                .post("/api/v1/auth/login", Map.of("username", "BOB_login", "password", "hunter2hunter2"));

        assertEquals(200, login.status(), login.body());
        var me =
                server.anonymous().withToken(login.json().get("token").asText()).get("/api/v1/user");
        assertEquals("bob_login", me.json().get("username").asText());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedAlike() {
        server.anonymous().post("/api/v1/auth/register", Map.of("username", "carol", "password", "carols-password"));

        var wrongPassword =
                server.anonymous().post("/api/v1/auth/login", Map.of("username", "carol", "password", "nope-nope"));
        var unknownUser =
                server.anonymous().post("/api/v1/auth/login", Map.of("username", "nobody", "password", "nope-nope"));

        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.json().get("message"), unknownUser.json().get("message"));
        assertEquals("invalid_credentials", wrongPassword.json().get("code").asText());
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        assertEquals(
                201,
                server.anonymous()
                        .post("/api/v1/auth/register", Map.of("username", "dave", "password", "dave-password"))
                        .status());

        var again = server.anonymous()
                .post("/api/v1/auth/register", Map.of("username", "DAVE", "password", "other-password"));

        assertEquals(409, again.status());
        assertEquals("username_taken", again.json().get("code").asText());
    }

    @Test
    void lookAlikesOfATakenUsernameAreTakenToo() {
        assertEquals(
                201,
                server.anonymous()
                        .post("/api/v1/auth/register", Map.of("username", "mallory", "password", "mallory-password"))
                        .status());

        // Cyrillic а, fullwidth letters, capital I for l, Cyrillic capital М and О.
        for (String lookAlike : new String[] {
            "m\u0430llory", "\uFF4D\uFF41\uFF4C\uFF4C\uFF4F\uFF52\uFF59", "maIlory", "\u041CALL\u041ERY"
        }) {
            var response = server.anonymous()
                    .post("/api/v1/auth/register", Map.of("username", lookAlike, "password", "other-password"));

            assertEquals(409, response.status(), lookAlike + ": " + response.body());
            assertEquals("username_taken", response.json().get("code").asText(), lookAlike);
        }
        var users = server.register("viewer")
                .api()
                .get("/api/v1/users?username=ma")
                .json()
                .get("users");
        assertEquals(1, users.size(), users.toString());
    }

    @Test
    void aUsernameInCompatibilityFormsIsKeptInItsPlainFormAndSignsInEitherWay() {
        var registered = server.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("username", "\uFF4E\uFF4F\uFF52\uFF41", "password", "nora-password"));

        assertEquals(201, registered.status(), registered.body());
        assertEquals("nora", registered.json().get("user").get("username").asText());
        for (String typed : new String[] {"nora", "NORA", "\uFF4E\uFF4F\uFF52\uFF41"}) {
            var login = server.anonymous()
                    .post("/api/v1/auth/login", Map.of("username", typed, "password", "nora-password"));
            assertEquals(200, login.status(), typed + ": " + login.body());
        }
    }

    @Test
    void nobodyRegistersTheAgentsUsernameOrOneLikeIt() {
        for (String name : new String[] {"parley-ai", "Parley-AI", "parIey-ai", "\u0440arley-ai"}) {
            var response = server.anonymous()
                    .post("/api/v1/auth/register", Map.of("username", name, "password", "squatter-password"));

            assertEquals(409, response.status(), name + ": " + response.body());
            assertEquals("username_taken", response.json().get("code").asText(), name);
        }
        assertEquals(
                201,
                server.anonymous()
                        .post("/api/v1/auth/register", Map.of("username", "parley-fan", "password", "fan-password"))
                        .status());
    }

    @Test
    void usernamesOutsideTheRulesAreRefusedWithTheFieldNamed() {
        for (String bad : new String[] {"ab", "with space", "-dash-first", "x".repeat(33), ""}) {
            var response = server.anonymous()
                    .post("/api/v1/auth/register", Map.of("username", bad, "password", "long-enough-1"));
            assertEquals(400, response.status(), bad);
            assertEquals("username", response.json().get("field").asText(), bad);
        }
        var users = server.register("rules")
                .api()
                .get("/api/v1/users?username=with")
                .json()
                .get("users");
        assertEquals(0, users.size());
    }

    @Test
    void aShortPasswordIsRefused() {
        var response =
                server.anonymous().post("/api/v1/auth/register", Map.of("username", "erin", "password", "short"));

        assertEquals(400, response.status());
        assertEquals("password", response.json().get("field").asText());
        assertEquals(
                401,
                server.anonymous()
                        .post("/api/v1/auth/login", Map.of("username", "erin", "password", "short"))
                        .status());
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        var response =
                server.anonymous().postRaw("/api/v1/auth/register", "application/json", "{\"username\": \"frank\",");

        assertEquals(400, response.status(), response.body());
        assertEquals("error", response.json().get("status").asText());
    }

    @Test
    void aWrongTypeIsABadRequest() {
        var response = server.anonymous()
                .postRaw(
                        "/api/v1/auth/register",
                        "application/json",
                        "{\"username\": [\"grace\"], \"password\": \"long-enough-1\"}");

        assertEquals(400, response.status(), response.body());
    }

    @Test
    void callsWithoutATokenAreUnauthorized() {
        var response = server.anonymous().get("/api/v1/user");

        assertEquals(401, response.status());
        assertEquals("unauthorized", response.json().get("code").asText());
    }

    @Test
    void callsWithAMalformedOrForgedTokenAreRefusedAsInvalidTokens() {
        TestUser user = server.register("henry");
        String token = user.api().token();
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        var malformed = server.anonymous().withToken("not-a-jwt").get("/api/v1/user");
        var response = server.anonymous().withToken(forged).get("/api/v1/chats");

        assertEquals(401, malformed.status());
        assertEquals("invalid_token", malformed.json().get("code").asText());
        assertEquals(401, response.status());
        assertEquals("invalid_token", response.json().get("code").asText());
    }

    @Test
    void theSigningSecretIsMadePerInstallationAndKeptOwnerOnly() throws Exception {
        var secret = server.dataDir().resolve("secrets").resolve("jwt-signing.key");

        assertTrue(Files.exists(secret));
        assertTrue(Files.readString(secret).strip().length() >= 64);
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    }

    @Test
    void passwordsAreStoredAsSlowSaltedHashes() {
        server.anonymous().post("/api/v1/auth/register", Map.of("username", "ivan", "password", "ivans-password"));

        Account account =
                server.bean(AccountRepository.class).findByUsernameKey("ivan").orElseThrow();

        assertTrue(account.passwordHash().startsWith("$2b$10$"), account.passwordHash());
        assertFalse(account.passwordHash().contains("ivans-password"));
    }
}
