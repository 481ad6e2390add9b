package app.parley.server.config;

import app.parley.server.accounts.AccountRepository;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;

/**
 * Reports the database as up when it answers a query through the same path the API uses.
 * The query runs in a transaction: a bare read from the health executor's thread fails on
 * sqlite-jdbc's read-only switch, while the same read inside a transaction does not.
 */
@Singleton
class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final AccountRepository accounts;
    private final TransactionOperations<Connection> transactions;

    DatabaseHealthIndicator(AccountRepository accounts, TransactionOperations<Connection> transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long users = transactions.executeWrite(status -> accounts.count());
        healthStatus = HealthStatus.UP;
        return Map.of("users", users);
    }

    @Override
    protected String getName() {
        return "database";
    }
}
