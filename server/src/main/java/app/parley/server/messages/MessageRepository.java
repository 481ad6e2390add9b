package app.parley.server.messages;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface MessageRepository extends CrudRepository<StoredMessage, Long> {

    String ROW = "SELECT " + MessageRow.COLUMNS + " FROM messages m JOIN users u ON u.id = m.author_id";

    Optional<StoredMessage> findByUuid(String uuid);

    Optional<StoredMessage> findByChatIdAndAuthorIdAndClientMsgId(long chatId, long authorId, String clientMsgId);

    /** Keeps a deleted message's client_msg_id used, so that a resend cannot store it again. */
    @Query("""
        INSERT INTO deleted_client_msg_ids (chat_id, author_id, client_msg_id, message_id, deleted_at)
        VALUES (:chatId, :authorId, :clientMsgId, :messageId, :deletedAt)\
        """)
    void rememberDeletedClientMsgId(long chatId, long authorId, String clientMsgId, long messageId, Instant deletedAt);

    /** The id the deleted message that was sent with this client_msg_id had. */
    @Query("""
        SELECT message_id FROM deleted_client_msg_ids
        WHERE chat_id = :chatId AND author_id = :authorId AND client_msg_id = :clientMsgId\
        """)
    Optional<Long> findDeletedMessageId(long chatId, long authorId, String clientMsgId);

    @Query(ROW + " WHERE m.id = :id")
    Optional<MessageRow> findRow(long id);

    /** The rows of these messages that still exist (the ones a page's replies answer). */
    @Query(ROW + " WHERE m.id IN (:ids)")
    List<MessageRow> findRowsByIdIn(List<Long> ids);

    @Query(ROW + " WHERE m.uuid = :uuid")
    Optional<MessageRow> findRowByUuid(String uuid);

    /** Newest first, strictly between the two cursors. */
    @Query(ROW + """
         WHERE m.chat_id = :chatId AND m.id > :afterId AND m.id < :beforeId
        ORDER BY m.id DESC LIMIT :limit OFFSET :offset\
        """)
    List<MessageRow> findNewestFirst(long chatId, long afterId, long beforeId, int limit, int offset);

    /** Oldest first, strictly between the two cursors. */
    @Query(ROW + """
         WHERE m.chat_id = :chatId AND m.id > :afterId AND m.id < :beforeId
        ORDER BY m.id ASC LIMIT :limit OFFSET :offset\
        """)
    List<MessageRow> findOldestFirst(long chatId, long afterId, long beforeId, int limit, int offset);

    /** A new text for a message; {@link MessageSearch#index} indexes it (on SQLite, partly by trigger). */
    @Query("UPDATE messages SET text = :text, edited_at = :editedAt WHERE id = :id")
    void updateText(long id, String text, Instant editedAt);

    /** Keeps a text a message had before an edit. */
    @Query("""
        INSERT INTO message_versions (message_id, text, written_at) VALUES (:messageId, :text, :writtenAt)\
        """)
    void keepVersion(long messageId, String text, Instant writtenAt);

    /** The texts a message had before its edits, oldest first. */
    @Query("SELECT text, written_at FROM message_versions WHERE message_id = :messageId ORDER BY id")
    List<EarlierText> findEarlierTexts(long messageId);

    @Query("SELECT MAX(id) FROM messages WHERE chat_id = :chatId")
    Optional<Long> findLastId(long chatId);

    /** Messages after {@code afterId} by others than the reader. */
    @Query("SELECT COUNT(*) FROM messages WHERE chat_id = :chatId AND id > :afterId AND author_id <> :readerId")
    long countUnread(long chatId, long afterId, long readerId);
}
