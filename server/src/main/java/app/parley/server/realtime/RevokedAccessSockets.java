package app.parley.server.realtime;

import app.parley.model.event.CloseCodes;
import app.parley.server.accounts.AccountRepository;
import app.parley.server.sessions.SessionRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the open sockets of accounts an administrator disables, and of sessions that ended
 * elsewhere. The command-line tool writes from another process while the server runs, so the
 * server cannot be told: it looks every {@code parley.accounts.disabled-check-interval} (each node
 * of a cluster looks for itself). Requests need no such look: every token is checked against its
 * account and session (read again at least once a second).
 */
@Singleton
@Requires(property = "parley.admin-tool", notEquals = "true")
class RevokedAccessSockets {
    private static final Logger LOG = LoggerFactory.getLogger(RevokedAccessSockets.class);
    static final String REASON = "account_disabled";

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final ConnectionRegistry registry;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private ScheduledFuture<?> checks;

    RevokedAccessSockets(
            AccountRepository accounts,
            SessionRepository sessions,
            ConnectionRegistry registry,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            @Value("${parley.accounts.disabled-check-interval}") Duration interval) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.registry = registry;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        checks = scheduler.scheduleAtFixedRate(interval, interval, this::closeDisabled);
    }

    private void closeDisabled() {
        try {
            Set<String> connected = registry.sessionIds();
            if (!connected.isEmpty()) {
                registry.closeSessions(
                        new HashSet<>(sessions.endedAmong(connected)), CloseCodes.UNAUTHORIZED, "session_ended");
            }
            List<Long> disabled = accounts.findDisabledIds();
            if (disabled.isEmpty()) {
                return;
            }
            Set<Long> ids = new HashSet<>(disabled);
            registry.closeAllOf(ids, CloseCodes.UNAUTHORIZED, REASON);
        } catch (RuntimeException e) {
            // A busy or closing database: the next look tries again.
            LOG.debug("Could not look for disabled accounts", e);
        }
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }
}
