package app.parley.model.chat;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The {@code json} part of seed 002's {@code POST /api/v1/group}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupRequest(String name, String description, List<UserRef> users) {}
