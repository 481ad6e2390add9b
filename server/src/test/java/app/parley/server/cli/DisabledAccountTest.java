package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.model.event.CloseCodes;
import app.parley.server.messages.Conversations;
import app.parley.server.support.AdminTool;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.SqliteOnly;
import app.parley.server.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An account disabled from the command line while the server runs, and enabled again. */
@SqliteOnly // admin commands are on SQLite only so far
class DisabledAccountTest {
    @RegisterExtension
    static final RunningServer server =
            new RunningServer().withProperty("parley.accounts.disabled-check-interval", "200ms");

    private static int loginStatus(TestUser user) {
        return server.anonymous()
                .post(
                        "/api/v1/auth/login",
                        Map.of("username", user.username(), "password", "password-" + user.username()))
                .status();
    }

    /** The first person of a server administers it, and the last administrator cannot be disabled. */
    @org.junit.jupiter.api.BeforeAll
    static void anAdministratorFirst() {
        server.register("admin");
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokenIsRefused() {
        TestUser user = server.register("disabled");

        var disabled = AdminTool.run(server.dataDir(), "", "user", "disable", user.username());

        assertEquals(ExitCodes.OK, disabled.exitCode(), disabled.toString());
        var login = server.anonymous()
                .post(
                        "/api/v1/auth/login",
                        Map.of("username", user.username(), "password", "password-" + user.username()));
        assertEquals(403, login.status(), login.body());
        assertEquals("account_disabled", login.json().get("code").asText());
        // The tool writes from outside the server, which reads an account again at least once a second.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(3))
                .until(() -> user.api().get("/api/v1/chats").status() == 401);
        var withToken = user.api().get("/api/v1/chats");
        assertEquals(401, withToken.status(), withToken.body());
        assertEquals("account_disabled", withToken.json().get("code").asText());
        assertEquals(
                401,
                SocketClient.refusedStatus(
                        server.port(), Sockets.MAIN, user.api().token()));
    }

    @Test
    void aWrongPasswordForADisabledAccountIsStillJustInvalidCredentials() {
        TestUser user = server.register("guessed");
        AdminTool.run(server.dataDir(), "", "user", "disable", user.username());

        var login = server.anonymous()
                .post("/api/v1/auth/login", Map.of("username", user.username(), "password", "a-wrong-guess"));

        assertEquals(401, login.status(), login.body());
        assertEquals("invalid_credentials", login.json().get("code").asText());
    }

    @Test
    void theOpenSocketsOfADisabledAccountClose() {
        TestUser user = server.register("connected");
        TestUser other = server.register("other");
        long chat = Conversations.privateChat(user, other);
        try (SocketClient main = Sockets.openMain(server, user);
                SocketClient chatSocket = Sockets.openChat(server, user, chat);
                SocketClient othersSocket = Sockets.openChat(server, other, chat)) {

            AdminTool.run(server.dataDir(), "", "user", "disable", user.username());

            assertEquals(CloseCodes.UNAUTHORIZED, main.closeCode());
            assertEquals(CloseCodes.UNAUTHORIZED, chatSocket.closeCode());
            Conversations.send(other, chat, "still here");
            assertEquals("still here", othersSocket.next("message").get("text").asText());
        }
    }

    @Test
    void anEnabledAccountSignsInAgainWhileItsOldSessionStaysEnded() {
        TestUser user = server.register("returning");
        AdminTool.run(server.dataDir(), "", "user", "disable", user.username());

        var enabled = AdminTool.run(server.dataDir(), "", "user", "enable", user.username());

        assertEquals(ExitCodes.OK, enabled.exitCode(), enabled.toString());
        assertEquals("Enabled " + user.username() + "\n", enabled.out());
        assertEquals(200, loginStatus(user));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(3))
                .until(() -> user.api().get("/api/v1/chats").status() == 401);
        assertEquals(
                "session_ended",
                user.api().get("/api/v1/chats").json().get("code").asText(),
                "disabling ended the sessions it had: a token someone copied meanwhile is worth nothing");
    }
}
