package app.parley.server.invites;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface InviteRepository extends CrudRepository<Invite, Long> {

    Optional<Invite> findByToken(String token);

    Optional<Invite> findByUuid(String uuid);

    List<Invite> findByChatIdOrderByIdDesc(long chatId);

    List<Invite> findByChatIdAndInviterIdOrderByIdDesc(long chatId, long inviterId);

    List<Invite> findByInviterIdOrderByIdDesc(long inviterId);

    @Query("UPDATE invites SET uses = uses + 1 WHERE id = :id")
    void countUse(long id);

    @Query("UPDATE invites SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    void revoke(long id, Instant at);
}
