package app.parley.server.chats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ChatRepository extends CrudRepository<Chat, Long> {

    Optional<Chat> findByUuid(String uuid);

    /** Who may mention everyone in the group with @all (see GroupOptions). */
    @io.micronaut.data.annotation.Query("SELECT all_mentions FROM chats WHERE id = :chatId")
    String findAllMentions(long chatId);

    @io.micronaut.data.annotation.Query("UPDATE chats SET all_mentions = :allMentions WHERE id = :chatId")
    void setAllMentions(long chatId, String allMentions);

    Optional<Chat> findByPairKey(String pairKey);

    // Targeted updates: a whole-row update could write back a stale last_message_id.
    @Query("UPDATE chats SET name = :name, description = :description WHERE id = :chatId")
    void setDetails(long chatId, String name, String description);

    @Query("UPDATE chats SET photo_file_id = :photoFileId WHERE id = :chatId")
    void setPhoto(long chatId, @Nullable Long photoFileId);

    @Query("UPDATE chats SET owner_id = :ownerId WHERE id = :chatId")
    void setOwner(long chatId, long ownerId);
}
