package app.parley.server.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sqlite.JDBC;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * sqlite-jdbc, with two changes for a pool of connections to one database file.
 *
 * <p>Writers queue in Java, not in SQLite. A connection that starts a transaction
 * ({@code setAutoCommit(false)}) first takes the database's one writer permit and keeps it until
 * the transaction is over and auto-commit is back ({@code setAutoCommit(true)}, which Micronaut
 * does after the commit callbacks have run) or the connection closes. SQLite allows one writer at
 * a time anyway; waiting here instead of in SQLite's busy handler (a native sleep) keeps waiting
 * threads from pinning the carriers of virtual threads, which on a small machine starved the
 * writer that held the lock until the busy timeout. It also makes commits and their realtime
 * events happen in one order: events published after commit go out in message id order.
 *
 * <p>{@code Connection.setReadOnly} is taken as the hint JDBC says it is. Micronaut
 * Data switches every plain read to read-only and back; sqlite-jdbc refuses that switch on a
 * connection that has run a statement since its last commit (in auto-commit mode, nearly always),
 * so a read failed or not depending on which pooled connection a thread drew. SQLite gains
 * nothing from the hint: readers never block in WAL mode, and writes are explicit transactions.
 */
public class SqliteDriver extends JDBC {
    /** As long as SQLite's own busy_timeout: a writer that waits longer gets the error SQLite would give. */
    private static final Duration WRITER_WAIT = Duration.ofSeconds(10);

    // Hikari makes one driver per pool, so this is one permit per database.
    private final Semaphore writer = new Semaphore(1, true);

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String trimmed = url.trim();
        return new PooledConnection(trimmed, trimmed.substring(PREFIX.length()), info, writer);
    }

    private static final class PooledConnection extends JDBC4Connection {
        private final Semaphore writer;
        private boolean writing;

        PooledConnection(String url, String fileName, Properties info, Semaphore writer) throws SQLException {
            super(url, fileName, info);
            this.writer = writer;
        }

        @Override
        public void setAutoCommit(boolean autoCommit) throws SQLException {
            if (!autoCommit && !writing) {
                takeWriterPermit();
                try {
                    super.setAutoCommit(false);
                } catch (SQLException | RuntimeException e) {
                    releaseWriterPermit();
                    throw e;
                }
            } else if (autoCommit && writing) {
                try {
                    super.setAutoCommit(true);
                } finally {
                    releaseWriterPermit();
                }
            } else {
                super.setAutoCommit(autoCommit);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                super.close();
            } finally {
                releaseWriterPermit();
            }
        }

        private void takeWriterPermit() throws SQLException {
            try {
                if (!writer.tryAcquire(WRITER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new SQLException(
                            "database is locked: another write held it for " + WRITER_WAIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to write", e);
            }
            writing = true;
        }

        private void releaseWriterPermit() {
            if (writing) {
                writing = false;
                writer.release();
            }
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
