package app.parley.server.config;

import app.parley.server.accounts.AccountRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers a query through the same path the API uses (the repositories, in
 * their own transaction), so a check never leaves a pooled SQLite connection inside an open one.
 */
@Singleton
public class DatabaseHealth {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    private final AccountRepository accounts;

    DatabaseHealth(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public boolean isUp() {
        try {
            accounts.count();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The database did not answer the health check", e);
            return false;
        }
    }
}
