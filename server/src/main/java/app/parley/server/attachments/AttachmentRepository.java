package app.parley.server.attachments;

import app.parley.server.files.StoredFile;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** Which stored files each message carries, in the sender's order. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface AttachmentRepository extends GenericRepository<StoredFile, Long> {

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
