package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Messages matching {@code query}, best match first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchResults(String query, List<Message> results) {}
