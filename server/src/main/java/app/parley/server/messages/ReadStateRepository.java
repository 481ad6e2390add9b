package app.parley.server.messages;

import app.parley.server.chats.ChatMember;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * Per-member read state. Unread counts are kept in step with every write (send, delete,
 * mark read) so that reading them never counts messages.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ReadStateRepository extends GenericRepository<ChatMember, Long> {

    @Query("""
        UPDATE chat_members SET unread_count = unread_count + 1
        WHERE chat_id = :chatId AND user_id <> :authorId\
        """)
    void countNewMessage(long chatId, long authorId);

    /** Takes the member's row for the rest of the transaction (no change), so that what it reads next is counted on. */
    @Query("UPDATE chat_members SET unread_count = unread_count WHERE chat_id = :chatId AND user_id = :userId")
    void holdRow(long chatId, long userId);

    /** A member has read everything up to {@code messageId} and was seen at {@code seenAt}. */
    @Query("""
        UPDATE chat_members SET last_read_message_id = :messageId,
               unread_count = :unreadCount, last_seen_at = :seenAt
        WHERE chat_id = :chatId AND user_id = :userId\
        """)
    void markRead(long chatId, long userId, long messageId, long unreadCount, Instant seenAt);

    /**
     * Takes a message about to be deleted out of the counts that hold it: members other than its
     * author whose read position is before it (members who joined later start past it).
     */
    @Query("""
        UPDATE chat_members SET unread_count = unread_count - 1
        WHERE chat_id = :chatId AND user_id <> :authorId AND last_read_message_id < :messageId AND unread_count > 0\
        """)
    void uncountDeletedMessage(long chatId, long authorId, long messageId);

    /** The chat's newest message; null once its last message is deleted. */
    @Query("UPDATE chats SET last_message_id = :messageId WHERE id = :chatId")
    void setLastMessage(long chatId, @Nullable Long messageId);

    /** The caller's unread counts, by chat id. */
    @Query("""
        SELECT cm.chat_id, c.kind, c.pair_key, cm.unread_count,
               (SELECT COUNT(*) FROM message_mentions mm
               WHERE mm.user_id = cm.user_id AND mm.chat_id = cm.chat_id
                 AND mm.message_id > cm.last_read_message_id) AS mention_count
        FROM chat_members cm JOIN chats c ON c.id = cm.chat_id
        WHERE cm.user_id = :userId
        ORDER BY cm.chat_id\
        """)
    List<UnreadRow> findUnread(long userId);
}
