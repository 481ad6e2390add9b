package app.parley.server.config;

import app.parley.server.accounts.AccountRepository;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** Reports the database as up when it answers a query through the same path the API uses. */
@Singleton
class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final AccountRepository accounts;

    DatabaseHealthIndicator(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long users = accounts.count();
        healthStatus = HealthStatus.UP;
        return Map.of("users", users);
    }

    @Override
    protected String getName() {
        return "database";
    }
}
