package app.parley.model.chat;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Seed 002's {@code {"users": [{"id": 1, "name": "string"}]}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupUsers(List<UserRef> users) {}
