package app.parley.server.chats;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ChatRepository extends CrudRepository<Chat, Long> {

    Optional<Chat> findByUuid(String uuid);

    Optional<Chat> findByPairKey(String pairKey);
}
