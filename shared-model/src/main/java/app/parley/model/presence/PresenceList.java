package app.parley.model.presence;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /api/v1/presence}: everyone who shares a chat with the caller, by user id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PresenceList(List<UserPresence> users) {}
