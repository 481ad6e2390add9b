package app.parley.model.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Seed 002's {@code {"rooms": [...]}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatList(List<ChatRoom> rooms) {}
