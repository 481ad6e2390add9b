package app.parley.server.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.JDBC;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * sqlite-jdbc, with {@code Connection.setReadOnly} taken as the hint JDBC says it is. Micronaut
 * Data switches every plain read to read-only and back; sqlite-jdbc refuses that switch on a
 * connection that has run a statement since its last commit (in auto-commit mode, nearly always),
 * so a read failed or not depending on which pooled connection a thread drew. SQLite gains
 * nothing from the hint: readers never block in WAL mode, and writes are explicit transactions.
 */
public class SqliteDriver extends JDBC {

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String trimmed = url.trim();
        return new HintFreeConnection(trimmed, trimmed.substring(PREFIX.length()), info);
    }

    private static final class HintFreeConnection extends JDBC4Connection {
        HintFreeConnection(String url, String fileName, Properties info) throws SQLException {
            super(url, fileName, info);
        }

        @Override
        public void setReadOnly(boolean readOnly) {
            // A hint only; see the class comment.
        }

        @Override
        public boolean isReadOnly() {
            return false;
        }
    }
}
