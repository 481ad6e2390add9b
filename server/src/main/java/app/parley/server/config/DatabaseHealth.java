package app.parley.server.config;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers a plain {@code SELECT 1}. The connection comes from the same
 * pool and connection management the repositories use, outside any transaction, and goes back
 * at once: a check never leaves a pooled SQLite connection inside an open transaction, and
 * needs no feature's table.
 */
@Singleton
public class DatabaseHealth {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    private final ConnectionOperations<Connection> connections;

    DatabaseHealth(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    public boolean isUp() {
        try {
            return connections.executeRead(status -> {
                try (Statement statement = status.getConnection().createStatement()) {
                    return statement.executeQuery("SELECT 1").next();
                } catch (SQLException e) {
                    throw new IllegalStateException("SELECT 1 failed", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("The database did not answer the health check", e);
            return false;
        }
    }
}
