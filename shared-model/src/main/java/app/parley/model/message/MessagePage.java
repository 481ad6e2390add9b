package app.parley.model.message;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One page of history, cursor-paginated: {@code next} and {@code previous} are ready-to-call
 * URLs (or null at either end), in the style of Django REST framework's cursor pagination that
 * seed 001 evidently comes from.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessagePage(List<Message> results, String next, String previous) {}
