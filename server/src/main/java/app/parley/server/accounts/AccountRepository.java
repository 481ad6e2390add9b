package app.parley.server.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AccountRepository extends CrudRepository<Account, Long> {

    Optional<Account> findByUsernameKey(String usernameKey);

    Optional<Account> findByUuid(String uuid);

    Optional<Account> findByEmailKey(String emailKey);

    boolean existsByEmailKey(String emailKey);

    boolean existsByUsernameKey(String usernameKey);

    List<Account> findByIdIn(List<Long> ids);

    @Query("""
            SELECT * FROM users
            WHERE username_key LIKE :prefix ESCAPE '\\'
            ORDER BY username_key
            LIMIT :limit OFFSET :offset""")
    List<Account> findByUsernamePrefix(String prefix, int limit, int offset);
}
