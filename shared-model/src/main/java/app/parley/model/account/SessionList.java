package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /api/v1/auth/sessions}: the caller's open sessions, most recently used first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionList(List<SessionInfo> sessions) {}
