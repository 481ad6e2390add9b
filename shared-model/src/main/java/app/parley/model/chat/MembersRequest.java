package app.parley.model.chat;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Seed 002's body for adding and removing group members: {@code {"users": [{"id": 1}]}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MembersRequest(List<UserRef> users) {}
