package app.parley.model.event;

import app.parley.model.account.UserRef;
import app.parley.model.message.Reaction;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code reaction_added} or {@code reaction_removed} on a chat's sockets: who added or took back
 * which emoji on which message, and the message's reactions as they now are (so a client that
 * missed a frame is right again with the next).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReactionEvent(
        String type, long chatId, long messageId, String emoji, UserRef user, List<Reaction> reactions)
        implements ServerEvent {

    public ReactionEvent {
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }
}
