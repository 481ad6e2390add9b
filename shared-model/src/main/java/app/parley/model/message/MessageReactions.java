package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A message's reactions as they are after one was added or removed, first-used emoji first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessageReactions(long chatId, long messageId, List<Reaction> reactions) {

    public MessageReactions {
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }
}
