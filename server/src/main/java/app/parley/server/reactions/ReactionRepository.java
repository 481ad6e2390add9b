package app.parley.server.reactions;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ReactionRepository extends CrudRepository<StoredReaction, Long> {

    boolean existsByMessageIdAndUserIdAndEmoji(long messageId, long userId, String emoji);

    @Query("SELECT COUNT(DISTINCT emoji) FROM message_reactions WHERE message_id = :messageId")
    long countEmoji(long messageId);

    @Query("SELECT COUNT(*) FROM message_reactions WHERE message_id = :messageId AND emoji = :emoji")
    long countUses(long messageId, String emoji);

    @Query("DELETE FROM message_reactions WHERE message_id = :messageId AND user_id = :userId AND emoji = :emoji")
    long remove(long messageId, long userId, String emoji);

    /** Every reaction on these messages, oldest first. */
    @Query("""
        SELECT r.message_id, r.emoji, u.id AS user_id, u.name AS user_name, u.username AS user_username
        FROM message_reactions r JOIN users u ON u.id = r.user_id
        WHERE r.message_id IN (:messageIds)
        ORDER BY r.id\
        """)
    List<ReactionRow> findOf(List<Long> messageIds);
}
