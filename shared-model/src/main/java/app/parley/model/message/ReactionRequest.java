package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The emoji a member reacts to a message with. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReactionRequest(String emoji) {}
