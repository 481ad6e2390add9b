package app.parley.model.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code PATCH /api/v1/admin/users/{id}}: what an administrator changes about an account; fields
 * left out stay as they are. A new {@code password} ends all of the account's sessions, as
 * disabling it does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountChange(Boolean disabled, Boolean admin, String password) {}
