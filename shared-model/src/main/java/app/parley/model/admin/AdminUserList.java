package app.parley.model.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /api/v1/admin/users}: every account, by username. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdminUserList(List<AdminUser> users) {}
