package app.parley.server.common;

import app.parley.server.config.Storage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's transaction-level advisory locks, one per key's 64-bit hash, taken on the current
 * transaction's connection and released by its commit or rollback. Two keys that share a hash
 * only wait for each other, never break anything.
 */
@Singleton
@Requires(property = Storage.PROPERTY, value = "postgresql")
class PostgresqlWriteLocks implements WriteLocks {
    private final ConnectionOperations<Connection> connections;

    PostgresqlWriteLocks(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public void exclusive(String key) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the write lock " + key, e);
        }
    }
}
