package app.parley.server.maintenance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain JDBC on a database file, for the maintenance commands: they work on a file (a live
 * database beside its server, a snapshot, a restored copy), not through the server's pool.
 */
final class Sqlite {
    private Sqlite() {}

    /** Waits as long as the server's own connections do for a writer to finish. */
    static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database + "?busy_timeout=10000");
    }

    /** What {@code PRAGMA integrity_check} and {@code foreign_key_check} find; empty when the database is sound. */
    static List<String> integrityProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                String row = rows.getString(1);
                if (!"ok".equals(row)) {
                    problems.add("database: " + row);
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (rows.next()) {
                problems.add("database: a row of " + rows.getString(1) + " (rowid " + rows.getLong(2)
                        + ") refers to a missing row of " + rows.getString(3));
            }
        }
        return problems;
    }

    /** The SHA-256 of every stored content the database refers to (files rows: uploads, thumbnails, photos). */
    static Set<String> referencedContent(Connection connection) throws SQLException {
        Set<String> hashes = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT sha256 FROM files ORDER BY sha256")) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        return hashes;
    }
}
