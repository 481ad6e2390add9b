package app.parley.model.message;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A message's new text, from its author. {@code message} and {@code content} are accepted for
 * {@code text}, as when sending.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EditMessageRequest(
        @JsonAlias({"message", "content"}) String text) {}
