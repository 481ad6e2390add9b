package app.parley.server.messages;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MessageRepository extends CrudRepository<StoredMessage, Long> {

    String ROW = "SELECT " + MessageRow.COLUMNS + " FROM messages m JOIN users u ON u.id = m.author_id";

    Optional<StoredMessage> findByUuid(String uuid);

    Optional<StoredMessage> findByChatIdAndAuthorIdAndClientMsgId(long chatId, long authorId, String clientMsgId);

    @Query(ROW + " WHERE m.id = :id")
    Optional<MessageRow> findRow(long id);

    /** Newest first, strictly between the two cursors. */
    @Query(ROW + """
             WHERE m.chat_id = :chatId AND m.id > :afterId AND m.id < :beforeId
            ORDER BY m.id DESC LIMIT :limit OFFSET :offset""")
    List<MessageRow> findNewestFirst(long chatId, long afterId, long beforeId, int limit, int offset);

    /** Oldest first, strictly between the two cursors. */
    @Query(ROW + """
             WHERE m.chat_id = :chatId AND m.id > :afterId AND m.id < :beforeId
            ORDER BY m.id ASC LIMIT :limit OFFSET :offset""")
    List<MessageRow> findOldestFirst(long chatId, long afterId, long beforeId, int limit, int offset);

    @Query("SELECT MAX(id) FROM messages WHERE chat_id = :chatId")
    Optional<Long> findLastId(long chatId);

    /** Messages after {@code afterId} by others than the reader. */
    @Query("SELECT COUNT(*) FROM messages WHERE chat_id = :chatId AND id > :afterId AND author_id <> :readerId")
    long countUnread(long chatId, long afterId, long readerId);
}
