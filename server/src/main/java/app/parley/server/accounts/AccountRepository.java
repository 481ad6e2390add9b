package app.parley.server.accounts;

import io.micronaut.core.annotation.Nullable;
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

    Optional<Account> findByUsernameSkeleton(String usernameSkeleton);

    Optional<Account> findByUsernameShownSkeleton(String usernameShownSkeleton);

    /** Every account's username and what is derived from it, oldest first. */
    @Query("SELECT id, username, username_key, username_skeleton, username_shown_skeleton FROM users ORDER BY id")
    List<UsernameRow> usernames();

    @Query("""
        UPDATE users SET username_key = :usernameKey, username_skeleton = :usernameSkeleton,
                         username_shown_skeleton = :usernameShownSkeleton
        WHERE id = :id\
        """)
    void updateUsernameKeys(
            long id, String usernameKey, @Nullable String usernameSkeleton, @Nullable String usernameShownSkeleton);

    List<Account> findByIdIn(List<Long> ids);

    @Query("""
        SELECT * FROM users
        WHERE username_key LIKE :prefix ESCAPE '\\'
        ORDER BY username_key
        LIMIT :limit OFFSET :offset\
        """)
    List<Account> findByUsernamePrefix(String prefix, int limit, int offset);

    List<Account> findAllOrderByUsernameKey();

    @Query("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    void updatePasswordHash(long id, String passwordHash);

    /** Whether any person (not a bot) has an account. */
    @Query("SELECT COUNT(*) > 0 FROM users WHERE is_bot = FALSE")
    boolean anyPerson();

    @Query("SELECT COUNT(*) FROM users WHERE is_admin = TRUE AND disabled = FALSE")
    long countActiveAdmins();

    @Query("UPDATE users SET is_admin = :admin WHERE id = :id")
    void updateAdmin(long id, boolean admin);

    @Query("UPDATE users SET disabled = :disabled WHERE id = :id")
    void updateDisabled(long id, boolean disabled);

    /** The ids of disabled accounts: a running server closes their sockets. */
    @Query("SELECT id FROM users WHERE disabled = TRUE")
    List<Long> findDisabledIds();
}
