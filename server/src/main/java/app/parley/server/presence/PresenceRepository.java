package app.parley.server.presence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who may see whose presence (people who share a chat), and the stored "last seen" times. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface PresenceRepository extends GenericRepository<LastSeen, Long> {

    /** Everyone who shares at least one chat with the user, the user left out. */
    @Query("""
        SELECT DISTINCT o.user_id FROM chat_members m
        JOIN chat_members o ON o.chat_id = m.chat_id AND o.user_id <> m.user_id
        WHERE m.user_id = :userId\
        """)
    List<Long> contactIds(long userId);

    /** {@link #contactIds} with when each was last seen; bots (the AI agent) have no presence and are left out. */
    @Query("""
        SELECT c.user_id, ls.seen_at FROM (
            SELECT DISTINCT o.user_id FROM chat_members m
            JOIN chat_members o ON o.chat_id = m.chat_id AND o.user_id <> m.user_id
            WHERE m.user_id = :userId) c
        JOIN users u ON u.id = c.user_id AND u.is_bot = FALSE
        LEFT JOIN last_seen ls ON ls.user_id = c.user_id
        ORDER BY c.user_id\
        """)
    List<ContactRow> contacts(long userId);

    /** Whether two people share a chat. */
    @Query("""
        SELECT COUNT(*) > 0 FROM chat_members m
        JOIN chat_members o ON o.chat_id = m.chat_id AND o.user_id = :otherId
        WHERE m.user_id = :userId\
        """)
    boolean shareAChat(long userId, long otherId);

    @Query("SELECT seen_at FROM last_seen WHERE user_id = :userId")
    Optional<Instant> findSeenAt(long userId);

    /** Moves a person's "last seen" forwards only: a late write never undoes a newer one. */
    @Query("""
        INSERT INTO last_seen (user_id, seen_at) VALUES (:userId, :seenAt)
        ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at
        WHERE excluded.seen_at > last_seen.seen_at\
        """)
    void saveSeen(long userId, Instant seenAt);
}
