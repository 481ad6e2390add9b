package app.parley.server.sessions;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface SessionRepository extends CrudRepository<Session, String> {

    @Query("SELECT * FROM sessions WHERE user_id = :userId AND ended_at IS NULL ORDER BY last_used_at DESC, id")
    List<Session> findOpen(long userId);

    @Query("SELECT id FROM sessions WHERE user_id = :userId AND ended_at IS NULL")
    List<String> openIds(long userId);

    /**
     * 2 when the account is enabled and its password hash is {@code passwordHash} ('' for none),
     * 1 when it is disabled, 0 when it is gone or its password changed.
     */
    @Query("""
        SELECT COALESCE(MAX(CASE WHEN COALESCE(password_hash, '') <> :passwordHash THEN 0
                                 WHEN disabled = TRUE THEN 1 ELSE 2 END), 0)
        FROM users WHERE id = :userId\
        """)
    int accountState(long userId, String passwordHash);

    @Query("UPDATE sessions SET ended_at = :at WHERE id = :id AND ended_at IS NULL")
    long end(String id, Instant at);

    /** Of these sessions, those that have ended. */
    @Query("SELECT id FROM sessions WHERE ended_at IS NOT NULL AND id IN (:ids)")
    List<String> endedAmong(Collection<String> ids);

    @Query("UPDATE sessions SET last_used_at = :at WHERE id = :id")
    void touch(String id, Instant at);
}
