package app.parley.model.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code PUT /api/v1/user/password}: the password now, and the new one. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PasswordChange(String currentPassword, String newPassword) {}
