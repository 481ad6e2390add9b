package app.parley.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.parley.server.support.PostgresServer;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** The tests' PostgreSQL starts from the Maven artifact's binaries and gives each caller its own database. */
class PostgresServerTest {
    @Test
    void startsAndGivesEachCallerAnEmptyDatabaseOfItsOwn() throws Exception {
        try (var postgres = PostgresServer.start()) {
            String first = postgres.newDatabase();
            String second = postgres.newDatabase();
            assertNotEquals(first, second);
            try (var connection = DriverManager.getConnection(first, postgres.user(), "");
                    var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (name TEXT)");
                statement.execute("INSERT INTO t VALUES ('Привет')");
                var rows = statement.executeQuery("SELECT lower(name), upper(name) FROM t");
                rows.next();
                assertEquals("привет", rows.getString(1), "Cyrillic letter case");
                assertEquals("ПРИВЕТ", rows.getString(2));
            }
        }
    }
}
