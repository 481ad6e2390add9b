package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.AdminTool;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley-server user …} on the data dir of a server that runs meanwhile, as an admin would use it. */
@SqliteOnly // admin commands are on SQLite only so far
class UserCommandsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static ApiClient.Response login(String username, String password) {
        return server.anonymous().post("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    @Test
    void anAddedUserSignsInToTheRunningServerWithThePasswordReadFromStdin() {
        var added = AdminTool.run(
                server.dataDir(),
                "s3cret-pässword\n",
                "user",
                "add",
                "olga",
                "--name=Ольга Петровна",
                "--password-stdin");

        assertEquals(ExitCodes.OK, added.exitCode(), added.toString());
        assertTrue(added.out().startsWith("Added olga (id "), added.toString());
        var login = login("olga", "s3cret-pässword");
        assertEquals(200, login.status(), login.body());
        assertEquals("Ольга Петровна", login.json().get("user").get("name").asText());
    }

    @Test
    void withoutAConsoleThePasswordComesFromStdinEvenWithoutTheFlag() {
        var added = AdminTool.run(server.dataDir(), "piped-password\n", "user", "add", "piped");

        assertEquals(ExitCodes.OK, added.exitCode(), added.toString());
        assertEquals(200, login("piped", "piped-password").status());
    }

    @Test
    void aTooShortPasswordIsABadArgumentAndAddsNobody() {
        var refused = AdminTool.run(server.dataDir(), "short\n", "user", "add", "shorty");

        assertEquals(ExitCodes.BAD_ARGUMENTS, refused.exitCode(), refused.toString());
        assertEquals("parley-server user add: password must be 8 to 128 characters long\n", refused.err());
        assertFalse(AdminTool.run(server.dataDir(), "", "user", "list").out().contains("shorty"));
    }

    @Test
    void aTakenUsernameIsRefused() {
        var holder = server.register("taken");

        var refused = AdminTool.run(server.dataDir(), "long-enough-1\n", "user", "add", holder.username());

        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.toString());
        assertEquals("parley-server user add: username '" + holder.username() + "' is already taken\n", refused.err());
    }

    @Test
    void anEmptyStdinIsABadArgument() {
        var refused = AdminTool.run(server.dataDir(), "", "user", "add", "nopass");

        assertEquals(ExitCodes.BAD_ARGUMENTS, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("no password on stdin"), refused.toString());
    }

    @Test
    void listShowsEveryAccountWithItsState() {
        var user = server.register("listed");
        AdminTool.run(server.dataDir(), "", "user", "disable", user.username());

        var listed = AdminTool.run(server.dataDir(), "", "user", "list");

        assertEquals(ExitCodes.OK, listed.exitCode(), listed.toString());
        assertTrue(listed.out().startsWith("ID     USERNAME"), listed.out());
        assertTrue(
                listed.out()
                        .lines()
                        .anyMatch(line -> line.matches(user.id() + "\\s+" + user.username() + "\\s+disabled\\s+.*")),
                listed.out());
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        var user = server.register("forgetful");

        var reset = AdminTool.run(server.dataDir(), "brand-new-password\n", "user", "reset-password", user.username());

        assertEquals(ExitCodes.OK, reset.exitCode(), reset.toString());
        assertEquals(401, login(user.username(), "password-" + user.username()).status());
        assertEquals(200, login(user.username(), "brand-new-password").status());
    }

    @Test
    void anUnknownUserIsRefused() {
        var refused = AdminTool.run(server.dataDir(), "", "user", "disable", "nobody-here");

        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.toString());
        assertEquals("parley-server user disable: no user is called 'nobody-here'\n", refused.err());
    }

    @Test
    void aMissingDataDirIsRefusedAndNotCreated(@TempDir Path parent) {
        Path missing = parent.resolve("no-such-dir");

        var refused = AdminTool.run(missing, "", "user", "list");

        assertEquals(ExitCodes.NO_DATA_DIR, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("no Parley data directory at " + missing), refused.toString());
        assertFalse(missing.toFile().exists(), "the admin tool made a data dir");
    }

    @Test
    void anUnknownCommandOrOptionIsABadArgument() {
        var unknownCommand = AdminTool.runExactly("", "user", "remove", "x");
        var unknownOption = AdminTool.run(server.dataDir(), "", "user", "list", "--colour");
        var missingName = AdminTool.run(server.dataDir(), "", "user", "add");

        assertEquals(ExitCodes.BAD_ARGUMENTS, unknownCommand.exitCode(), unknownCommand.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, unknownOption.exitCode(), unknownOption.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, missingName.exitCode(), missingName.toString());
        assertTrue(missingName.err().contains("Missing required parameter: 'USERNAME'"), missingName.toString());
    }

    @Test
    void optionsBeforeTheCommandAreRefusedRatherThanAppliedToTheDefaultDataDir() {
        var refused = AdminTool.runExactly("", "--data-dir=" + server.dataDir(), "user", "list");

        assertEquals(ExitCodes.BAD_ARGUMENTS, refused.exitCode(), refused.toString());
        assertTrue(
                refused.err()
                        .contains("options go after the command's name, e.g. parley-server user list --data-dir=DIR"),
                refused.toString());
        assertEquals("", refused.out());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        var help = AdminTool.runExactly("", "user", "add", "--help");

        assertEquals(ExitCodes.OK, help.exitCode(), help.toString());
        assertTrue(help.out().startsWith("Usage: parley-server user add "), help.out());
        assertTrue(help.out().contains("--password-stdin"), help.out());
    }

    @Test
    void aServeArgumentThatIsNotASettingIsABadArgument() {
        var refused = AdminTool.runExactly("", "--port=0", "sevre");

        assertEquals(ExitCodes.BAD_ARGUMENTS, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("unknown argument 'sevre'"), refused.toString());
    }
}
