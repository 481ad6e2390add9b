package app.parley.server.errors;

import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.support.ApiAssertions.assertJson;

import app.parley.server.support.DeletedAccounts;
import app.parley.server.support.Handshakes;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refused token is told apart from a missing one in every dialect, each in its own error shape
 * (seeds 003 and 004 have no code field: their message says it).
 */
class TokenRefusalDialectsApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String NO_TOKEN =
            "authentication required: send a valid 'Authorization: Bearer <token>' header";
    private static final String INVALID = "the token is not valid (malformed, forged or expired): sign in again";
    private static final String GONE = "the account of this token no longer exists";

    @Test
    void seed000SaysInvalidTokenInItsShape() {
        assertJson(
                401,
                """
                {"detail": "%s", "code": "invalid_token", "status": 401}\
                """.formatted(INVALID),
                server.anonymous().withToken("not-a-jwt").post("/status", "{}"));
        assertJson(401, """
            {"detail": "%s", "code": "unauthorized", "status": 401}\
            """.formatted(NO_TOKEN), server.anonymous().post("/status", "{}"));
    }

    @Test
    void seed003SaysInvalidTokenInItsShape() {
        assertJson(
                401,
                "{\"error\": \"%s\"}".formatted(INVALID),
                server.anonymous().withToken("not-a-jwt").get("/chats"));
        assertJson(
                401,
                "{\"error\": \"%s\"}".formatted(NO_TOKEN),
                server.anonymous().get("/chats"));
    }

    @Test
    void seed004SaysInvalidTokenInItsShape() {
        assertJson(
                401,
                "{\"error\": {\"message\": \"%s\", \"status\": 401}}".formatted(INVALID),
                server.anonymous().withToken("not-a-jwt").get("/api/conversations"));
        assertJson(
                401,
                "{\"error\": {\"message\": \"%s\", \"status\": 401}}".formatted(NO_TOKEN),
                server.anonymous().get("/api/conversations"));
    }

    @Test
    void seed004sConversationSocketSaysInvalidTokenInItsShape() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        String path = "/api/conversations/" + privateChat(alice, bob) + "/connect";

        assertJson(
                401,
                "{\"error\": {\"message\": \"%s\", \"status\": 401}}".formatted(INVALID),
                Handshakes.attempt(server.port(), path, "not-a-jwt"));
    }

    @Test
    void seed000SaysAccountGoneInItsShape() {
        TestUser gone = goneUser();

        assertJson(401, """
            {"detail": "%s", "code": "account_gone", "status": 401}\
            """.formatted(GONE), gone.api().post("/status", "{}"));
    }

    @Test
    void seed003SaysAccountGoneInItsShape() {
        TestUser gone = goneUser();

        assertJson(401, "{\"error\": \"%s\"}".formatted(GONE), gone.api().get("/chats"));
    }

    @Test
    void seed004SaysAccountGoneInItsShape() {
        TestUser gone = goneUser();

        assertJson(
                401,
                "{\"error\": {\"message\": \"%s\", \"status\": 401}}".formatted(GONE),
                gone.api().get("/api/conversations"));
        assertJson(
                401,
                "{\"error\": {\"message\": \"%s\", \"status\": 401}}".formatted(GONE),
                gone.api().get("/api/users/"));
    }

    @Test
    void seed004sConversationSocketSaysAccountGoneInItsShape() {
        TestUser alice = server.register("alice");
        TestUser gone = server.register("gone");
        String path = "/api/conversations/" + privateChat(gone, alice) + "/connect";
        DeletedAccounts.delete(server, gone);

        assertJson(
                401,
                "{\"error\": {\"message\": \"%s\", \"status\": 401}}".formatted(GONE),
                Handshakes.attempt(server.port(), path, gone.api().token()));
    }

    /** A user whose account was deleted after its token was issued. */
    private static TestUser goneUser() {
        TestUser gone = server.register("gone");
        DeletedAccounts.delete(server, gone);
        return gone;
    }
}
