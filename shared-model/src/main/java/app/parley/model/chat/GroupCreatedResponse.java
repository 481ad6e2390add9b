package app.parley.model.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Seed 002's {@code {"status": "ok", "group": {"id": 1, "name": "string"}}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupCreatedResponse(String status, GroupSummary group) {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GroupSummary(long id, String uuid, String name) {}
}
