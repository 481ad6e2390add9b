package app.parley.model.account;

import app.parley.model.common.IdRef;
import app.parley.model.common.IdValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A user as seed 002 embeds one ({@code {"id": 1, "name": "string"}}). In requests only the id
 * counts (as an integer or a UUID string); the name is informational. Users the server shows
 * always carry their integer id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserRef(IdValue id, String name, String username) {
    public static UserRef of(long id, String name, String username) {
        return new UserRef(new IdRef.Numeric(id), name, username);
    }
}
