package app.parley.model.account;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user as seed 002 embeds one ({@code {"id": 1, "name": "string"}}). In requests only the id
 * counts (as an integer or a UUID string); the name is informational.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserRef(Object id, String name, String username) {
    public static UserRef of(long id, String name, String username) {
        return new UserRef(id, name, username);
    }
}
