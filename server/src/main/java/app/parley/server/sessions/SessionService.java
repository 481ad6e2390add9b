package app.parley.server.sessions;

import app.parley.model.account.SessionInfo;
import app.parley.model.account.SessionList;
import app.parley.model.event.CloseCodes;
import app.parley.model.event.ErrorEvent;
import app.parley.server.common.TransactionHooks;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.errors.UnauthorizedException;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.ratelimits.ClientAddress;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions: one per sign-in, named by its tokens' {@code sid}. A token counts only while its
 * session is open. Whether one is open is read at most once a second per session (a token is
 * checked on every request without a database read each time), and ending a session on this node
 * forgets that at once: an ended session stops counting within a second everywhere, at once here,
 * and its sockets close.
 */
@Singleton
public class SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    /** The longest client name kept (a User-Agent can be long). */
    static final int CLIENT_MAX = 200;

    private static final Duration CHECKED_FOR = Duration.ofSeconds(1);
    /** How stale "last used" may get: it is written at most this often per session. */
    private static final Duration TOUCHED_EVERY = Duration.ofMinutes(5);

    private final SessionRepository sessions;
    private final RealtimeEvents events;
    private final Clock clock;
    private final LoadingCache<String, Boolean> open;
    private final TransactionHooks transactions;
    private final Duration tokenLifetime;

    SessionService(
            SessionRepository sessions,
            RealtimeEvents events,
            Clock clock,
            TransactionHooks transactions,
            @Value("${parley.auth.token-ttl-seconds}") int tokenSeconds) {
        this.transactions = transactions;
        this.tokenLifetime = Duration.ofSeconds(tokenSeconds);
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.open = Caffeine.newBuilder()
                .expireAfterWrite(CHECKED_FOR)
                .maximumSize(100_000)
                .build(this::readOpen);
    }

    /**
     * A new session for a sign-in; its id goes into the tokens issued for it. In the same write
     * as the check that the account is still as the sign-in found it (enabled, the password it
     * matched): a password change or a disabling that came in between refuses the sign-in, so no
     * session outlives them.
     */
    @Transactional
    public String start(long userId, @Nullable String passwordHash, @Nullable String client, ClientAddress from) {
        switch (sessions.accountState(userId, passwordHash == null ? "" : passwordHash)) {
            case 0 -> throw new UnauthorizedException("invalid_credentials", "invalid username or password");
            case 1 ->
                throw new ForbiddenException(
                        "account_disabled", "this account is disabled: ask the server's administrator");
            default -> {}
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String name = client == null ? "" : client.strip();
        sessions.save(new Session(
                id,
                userId,
                now,
                now,
                name.length() > CLIENT_MAX ? name.substring(0, CLIENT_MAX) : name,
                from.ip(),
                null));
        return id;
    }

    /** Whether the session is open (read again at most once a second). */
    public boolean isOpen(String sessionId) {
        return Boolean.TRUE.equals(open.get(sessionId));
    }

    private Boolean readOpen(String sessionId) {
        return sessions.findById(sessionId)
                .map(session -> {
                    Instant now = clock.instant();
                    if (session.open()
                            && session.lastUsedAt().plus(TOUCHED_EVERY).isBefore(now)) {
                        touch(sessionId, now);
                    }
                    return session.open() && !expired(session, now);
                })
                .orElse(false);
    }

    /** "Last used" is a nicety: a busy database must not fail the request that checks a token. */
    private void touch(String sessionId, Instant now) {
        try {
            sessions.touch(sessionId, now);
        } catch (RuntimeException e) {
            LOG.debug("Could not note that session {} was used", sessionId, e);
        }
    }

    /** A session whose tokens have all expired is over, though nobody ended it. */
    private boolean expired(Session session, Instant now) {
        return session.createdAt().plus(tokenLifetime).isBefore(now);
    }

    /** The caller's open sessions, the asking one marked. */
    public SessionList list(long callerId, @Nullable String currentId) {
        Instant now = clock.instant();
        return new SessionList(sessions.findOpen(callerId).stream()
                .filter(session -> !expired(session, now))
                .map(session -> new SessionInfo(
                        session.id(),
                        session.createdAt(),
                        session.lastUsedAt(),
                        session.client(),
                        session.address(),
                        session.id().equals(currentId)))
                .toList());
    }

    /** Ends one of the caller's own sessions; someone else's, or one already ended, is not found. */
    public void end(long callerId, String sessionId) {
        Session session = sessions.findById(sessionId == null ? "" : sessionId)
                .filter(found -> found.userId() == callerId && found.open())
                .orElseThrow(() -> new NotFoundException("session_not_found", "no open session of yours has that id"));
        if (sessions.end(session.id(), clock.instant()) > 0) {
            ended(List.of(session.id()));
        }
    }

    /** Ends every session of the person but {@code keep} (null: all of them). */
    public void endAllBut(long userId, @Nullable String keep) {
        Instant now = clock.instant();
        List<String> ending = sessions.openIds(userId).stream()
                .filter(id -> !id.equals(keep))
                .filter(id -> sessions.end(id, now) > 0)
                .toList();
        ended(ending);
    }

    /** Forgets that the sessions were open and closes their sockets, once the change is committed. */
    private void ended(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        // Forgotten once the end is committed: a request in between must not cache "open" again.
        transactions.afterCommit(() -> open.invalidateAll(sessionIds));
        ErrorEvent frame = ErrorEvent.of("session_ended", "this session has ended: sign in again", null, null);
        for (String id : sessionIds) {
            events.closeSession(id, frame, CloseCodes.UNAUTHORIZED, "session_ended");
        }
    }
}
