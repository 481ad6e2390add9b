package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code json} part of seed 002's {@code POST /api/v1/user}; absent fields stay as they are. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProfileUpdate(String username, String name, String description) {}
