package app.parley.server.files;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
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
}
