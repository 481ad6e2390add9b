package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.AdminTool;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code parley.accounts.registration: closed}: nobody registers through any dialect; the administrator adds accounts. */
@SqliteOnly // admin commands are on SQLite only so far
class ClosedRegistrationTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.accounts.registration", "closed");

    @Test
    void everyDialectsRegistrationIsRefused() {
        var v1 = server.anonymous()
                .post("/api/v1/auth/register", Map.of("username", "stranger", "password", "a-password"));
        var seed000 = server.anonymous().post("/create_user", Map.of("username", "stranger"));
        var seed003 = server.anonymous().post("/register", Map.of("username", "stranger", "password", "a-password"));
        var seed004 = server.anonymous()
                .post("/api/auth/register", Map.of("email", "stranger@example.org", "password", "a-password"));

        assertEquals(403, v1.status(), v1.body());
        assertEquals("registration_closed", v1.json().get("code").asText());
        assertEquals(403, seed000.status(), seed000.body());
        assertEquals(403, seed003.status(), seed003.body());
        assertEquals(403, seed004.status(), seed004.body());
        assertEquals(403, seed004.json().get("error").get("status").asInt(), seed004.body());
    }

    @Test
    void theAdministratorStillAddsAccountsAndTheySignIn() {
        var added = AdminTool.run(server.dataDir(), "invited-password\n", "user", "add", "invited");

        assertEquals(ExitCodes.OK, added.exitCode(), added.toString());
        var login = server.anonymous()
                .post("/api/v1/auth/login", Map.of("username", "invited", "password", "invited-password"));
        assertEquals(200, login.status(), login.body());
    }
}
