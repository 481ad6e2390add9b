package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.AdminTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation that stores in PostgreSQL: the admin commands, written for SQLite's file, say
 * so and touch nothing, rather than report "no data directory" or work on a file that is not used.
 */
class PostgresqlStorageAdminTest {
    @TempDir
    Path dataDir;

    @Test
    void adminCommandsSayTheyWorkOnSqliteOnly() throws Exception {
        Path config = dataDir.resolve("parley.yml");
        Files.writeString(config, "parley:\n  storage: postgresql\n");
        for (String[] command : new String[][] {{"user", "list"}, {"check"}, {"backup", dataDir + "/b.zip"}}) {
            String[] args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--config=" + config;

            var result = AdminTool.run(dataDir, "", args);

            assertEquals(ExitCodes.BAD_ARGUMENTS, result.exitCode(), result.toString());
            assertTrue(result.err().contains("SQLite storage only"), result.toString());
        }
        assertEquals(false, Files.exists(dataDir.resolve("b.zip")));
        assertEquals(false, Files.exists(dataDir.resolve("parley.db")));
    }
}
