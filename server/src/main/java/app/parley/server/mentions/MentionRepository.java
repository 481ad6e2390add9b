package app.parley.server.mentions;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MentionRepository extends CrudRepository<StoredMention, Long> {

    @Query("DELETE FROM message_mentions WHERE message_id = :messageId")
    void forget(long messageId);

    @Query("UPDATE messages SET mentions_all = :all WHERE id = :messageId")
    void setMentionsAll(long messageId, boolean all);

    /** How many messages of the chat after {@code afterId} mention the member. */
    @Query("""
        SELECT COUNT(*) FROM message_mentions
        WHERE user_id = :userId AND chat_id = :chatId AND message_id > :afterId\
        """)
    long countAfter(long chatId, long userId, long afterId);

    /** Every member's count of unread mentions in the chat, in one query. */
    @Query("""
        SELECT cm.user_id, COUNT(mm.id) AS mention_count
        FROM chat_members cm
        LEFT JOIN message_mentions mm ON mm.chat_id = cm.chat_id AND mm.user_id = cm.user_id
             AND mm.message_id > cm.last_read_message_id
        WHERE cm.chat_id = :chatId
        GROUP BY cm.user_id\
        """)
    List<MemberMentions> countUnreadByMember(long chatId);

    /** The members these messages mention, in the order the mentions were stored. */
    @Query("""
        SELECT mm.message_id, u.id AS user_id, u.name AS user_name, u.username AS user_username
        FROM message_mentions mm JOIN users u ON u.id = mm.user_id
        WHERE mm.message_id IN (:messageIds)
        ORDER BY mm.id\
        """)
    List<MentionRow> findOf(List<Long> messageIds);
}
