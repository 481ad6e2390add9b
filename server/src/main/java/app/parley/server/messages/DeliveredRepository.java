package app.parley.server.messages;

import app.parley.server.chats.ChatMember;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The stored side of delivered positions: written in batches, never on the send path. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface DeliveredRepository extends GenericRepository<ChatMember, Long> {

    @Query("SELECT user_id, last_delivered_message_id FROM chat_members WHERE chat_id = :chatId")
    List<DeliveredRow> findDelivered(long chatId);

    /** Moves a member's position forwards only: a late batch never undoes a newer one. */
    @Query("""
        UPDATE chat_members SET last_delivered_message_id = :messageId
        WHERE chat_id = :chatId AND user_id = :userId AND last_delivered_message_id < :messageId\
        """)
    void raise(long chatId, long userId, long messageId);
}
