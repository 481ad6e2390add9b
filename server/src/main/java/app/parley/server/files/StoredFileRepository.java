package app.parley.server.files;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface StoredFileRepository extends CrudRepository<StoredFile, Long> {

    Optional<StoredFile> findByUuid(String uuid);

    boolean existsBySha256(String sha256);

    @Query("SELECT DISTINCT sha256 FROM files WHERE chat_id = :chatId")
    List<String> findContentOfChat(long chatId);

    @Query("DELETE FROM files WHERE chat_id = :chatId")
    void deleteByChatId(long chatId);

    /** Bytes a user's uploads into chats take (thumbnails are the server's, not counted). */
    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE uploader_id = :uploaderId AND kind = 'attachment'")
    long usedBytes(long uploaderId);

    /** Whether a file is already attached to a message. */
    @Query("SELECT COUNT(*) > 0 FROM message_attachments WHERE file_id = :fileId")
    boolean isAttached(long fileId);

    /** Attachments of the given messages, in each message's order. */
    @Query("""
        SELECT ma.message_id, f.id, f.uuid, f.chat_id, f.original_name, f.size_bytes, f.content_type,
               f.width, f.height, f.thumbnail_file_id, f.created_at
          FROM message_attachments ma JOIN files f ON f.id = ma.file_id
         WHERE ma.message_id IN (:messageIds)
         ORDER BY ma.message_id, ma.position\
        """)
    List<AttachmentRow> findAttachments(Collection<Long> messageIds);

    @Query("INSERT INTO message_attachments (message_id, file_id, position) VALUES (:messageId, :fileId, :position)")
    void attach(long messageId, long fileId, int position);
}
