package app.parley.model.message;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One emoji on a message: how many reacted with it and who, in the order they did. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Reaction(String emoji, int count, List<UserRef> users) {

    public Reaction {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
