package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.ParleyServer;
import app.parley.server.config.NewerDatabaseException;
import app.parley.server.support.AdminTool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data dir whose database a newer Parley migrated: every command refuses it, and so does the server. */
class NewerDatabaseTest {
    @TempDir
    Path dataDir;

    @BeforeEach
    void aDatabaseMigratedByAFutureParley() throws SQLException {
        ParleyServer.start(ParleyServer.Settings.of(dataDir, 0)).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("parley.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, installed_on, execution_time, success)
                VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test',
                        CURRENT_TIMESTAMP, 1, 1)\
                """);
        }
    }

    @Test
    void adminCommandsRefuseItWithTheirOwnExitCode() {
        for (String[] command : new String[][] {{"user", "list"}, {"check"}, {"backup", dataDir + "/../b.zip"}}) {
            var refused = AdminTool.run(dataDir, "", command);

            assertEquals(ExitCodes.NEWER_DATABASE, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("is at schema version 999, made by a newer Parley"), refused.toString());
        }
    }

    @Test
    void theServerRefusesToStartOnIt() {
        var refused = assertThrows(
                NewerDatabaseException.class,
                () -> ParleyServer.start(ParleyServer.Settings.of(dataDir, 0)).close());

        assertTrue(
                refused.getMessage()
                        .matches(".*schema version 999, made by a newer Parley; this Parley knows versions up to"
                                + " \\d+:.*"),
                refused.getMessage());
    }
}
