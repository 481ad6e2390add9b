package app.parley.server.chats;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ChatMemberRepository extends CrudRepository<ChatMember, Long> {

    Optional<ChatMember> findByChatIdAndUserId(long chatId, long userId);

    boolean existsByChatIdAndUserId(long chatId, long userId);

    List<ChatMember> findByChatIdOrderById(long chatId);

    long countByChatId(long chatId);

    void deleteByChatIdAndUserId(long chatId, long userId);

    @Query("UPDATE chat_members SET role = :role WHERE chat_id = :chatId AND user_id = :userId")
    void setRole(long chatId, long userId, String role);

    /** Mutes or unmutes a chat for one member ({@code until} null: until unmuted). */
    @Query("UPDATE chat_members SET muted = :muted, muted_until = :until WHERE chat_id = :chatId AND user_id = :userId")
    void setMute(
            long chatId, long userId, boolean muted, @io.micronaut.core.annotation.Nullable java.time.Instant until);

    /** The caller's chats, most recently active first; {@code onlyChatId} 0 means all of them. */
    @Query("""
        SELECT c.id AS chat_id, c.uuid AS chat_uuid, c.kind, c.name AS chat_name, c.pair_key,
               cm.unread_count,
               (SELECT COUNT(*) FROM message_mentions mm
                WHERE mm.user_id = cm.user_id AND mm.chat_id = cm.chat_id
                  AND mm.message_id > cm.last_read_message_id) AS mention_count,
               cm.muted, cm.muted_until,
               lm.id AS msg_id, lm.uuid AS msg_uuid, lm.text AS msg_text, lm.client_msg_id AS msg_client_id,
               lm.created_at AS msg_time, lm.edited_at AS msg_edited_at,
               la.id AS msg_author_id, la.uuid AS msg_author_uuid, la.name AS msg_author_name,
               la.username AS msg_author_username,
               ou.id AS other_id, ou.name AS other_name, ou.username AS other_username
        FROM chat_members cm
        JOIN chats c ON c.id = cm.chat_id
        LEFT JOIN messages lm ON lm.id = c.last_message_id
        LEFT JOIN users la ON la.id = lm.author_id
        LEFT JOIN chat_members om ON c.kind = 'private' AND om.chat_id = c.id AND om.user_id <> cm.user_id
        LEFT JOIN users ou ON ou.id = om.user_id
        WHERE cm.user_id = :userId AND (:onlyChatId = 0 OR c.id = :onlyChatId)
        ORDER BY COALESCE(lm.created_at, c.created_at) DESC, c.id DESC
        LIMIT :limit OFFSET :offset\
        """)
    List<RoomRow> findRooms(long userId, long onlyChatId, int limit, int offset);
}
