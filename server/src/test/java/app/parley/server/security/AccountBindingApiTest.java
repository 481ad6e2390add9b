package app.parley.server.security;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.DeletedAccounts;
import app.parley.server.support.Handshakes;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
import app.parley.server.support.TestUser;
import app.parley.server.support.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token names one account, by id and uuid both, and opens nothing once that account is gone:
 * {@code 401 account_gone} on every endpoint and every socket, decided where requests are
 * authenticated. Seed 002's {@code GET /api/v1/user} is the one documented exception ({@code 404}).
 */
class AccountBindingApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String GONE = "the account of this token no longer exists";

    @Test
    void theTokenOfADeletedAccountIsAccountGoneOnEveryEndpoint() {
        TestUser bob = server.register("bob");
        TestUser gone = server.register("gone");
        DeletedAccounts.delete(server, gone);

        List<ApiClient.Response> responses = List.of(
                gone.api().postEmpty("/api/v1/chat/" + bob.id()),
                gone.api().post("/api/v1/group", Map.of("name", "ghosts", "users", List.of(Map.of("id", bob.id())))),
                gone.api().post("/api/v1/chats/", Map.of("user_id", bob.id())),
                gone.api().get("/api/v1/chats"),
                gone.api().get("/api/v1/chats/unread/"),
                gone.api().get("/api/v1/storage/"),
                gone.api().get("/api/v1/invites/"),
                gone.api().get("/api/v1/users"),
                gone.api().get("/api/v1/user/" + bob.id()),
                gone.api().post("/api/v1/user", Map.of("name", "still here?")),
                gone.api().get("/api/v1/agent/"));

        for (ApiClient.Response response : responses) {
            assertError(response, 401, "account_gone", null);
            assertEquals(GONE, response.json().get("message").asText());
        }
    }

    @Test
    void theTokenOfADeletedAccountCreatesNothing() {
        TestUser bob = server.register("bob");
        TestUser gone = server.register("gone");
        DeletedAccounts.delete(server, gone);

        gone.api().postEmpty("/api/v1/chat/" + bob.id());
        gone.api().post("/api/v1/group", Map.of("name", "ghosts", "users", List.of(Map.of("id", bob.id()))));

        assertJson(200, "{\"rooms\": []}", bob.api().get("/api/v1/chats"));
    }

    @Test
    void seed002sOwnProfileOfADeletedAccountIsStillNotFound() {
        TestUser gone = server.register("gone");
        DeletedAccounts.delete(server, gone);

        assertError(gone.api().get("/api/v1/user"), 404, "user_not_found", null);
        assertError(gone.api().get("/api/v1/user/"), 404, "user_not_found", null);
    }

    @Test
    void aTokenWhoseUuidIsNotItsAccountsIsAccountGone() {
        TestUser alice = server.register("alice");

        String otherPerson = Tokens.signedByServer(
                server, Tokens.claimsOf(alice).claim("uuid", UUID.randomUUID().toString()));

        assertError(server.anonymous().withToken(otherPerson).get("/api/v1/chats"), 401, "account_gone", null);
    }

    @Test
    @SqliteOnly // restore is an admin command of the SQLite storage
    void afterARestoreAnOldTokenDoesNotOpenTheNewAccountThatGotItsId() throws SQLException {
        TestUser before = server.register("before");
        TestUser lost = server.register("lost");
        // A backup taken before 'lost' registered is restored: the row and the id counter go back.
        try (Connection db = DriverManager.getConnection(
                        "jdbc:sqlite:" + server.dataDir().resolve("parley.db"));
                PreparedStatement delete = db.prepareStatement("DELETE FROM users WHERE id = ?");
                PreparedStatement counter =
                        db.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = 'users'")) {
            delete.setLong(1, lost.id());
            delete.executeUpdate();
            counter.setLong(1, lost.id() - 1);
            counter.executeUpdate();
        }
        TestUser newcomer = server.register("newcomer");
        assertEquals(lost.id(), newcomer.id(), "the restore should hand the lost id out again");
        privateChat(newcomer, before);

        assertError(lost.api().get("/api/v1/chats"), 401, "account_gone", null);
        assertError(lost.api().get("/api/v1/user"), 404, "user_not_found", null);
        assertEquals(200, newcomer.api().get("/api/v1/chats").status());
    }

    @Test
    void aTokenWithoutAUuidIsAnInvalidToken() {
        TestUser alice = server.register("alice");

        String noUuid = Tokens.signedByServer(server, Tokens.claimsOf(alice).claim("uuid", null));

        assertError(server.anonymous().withToken(noUuid).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIsAnInvalidToken() {
        TestUser alice = server.register("alice");

        String byName = Tokens.signedByServer(server, Tokens.claimsOf(alice).subject(alice.username()));

        assertError(server.anonymous().withToken(byName).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aHandshakeWithTheTokenOfADeletedAccountIsRefusedAsAccountGoneOnEverySocket() {
        TestUser alice = server.register("alice");
        TestUser gone = server.register("gone");
        long chat = privateChat(gone, alice);
        long group = group(gone, alice);
        DeletedAccounts.delete(server, gone);

        for (String path : TokenValidityApiTest.socketPaths(chat, group)) {
            assertError(Handshakes.attempt(server.port(), path, gone.api().token()), 401, "account_gone", null);
            assertError(
                    Handshakes.attempt(
                            server.port(), path + "?access_token=" + gone.api().token(), null),
                    401,
                    "account_gone",
                    null);
        }
    }
}
