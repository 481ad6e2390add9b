package app.parley.model.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/admin}: answered only to administrators (so a client learns whether its
 * person is one), with how the server takes new accounts: {@code open}, {@code invite-only} or
 * {@code closed}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ServerAdministration(String registration) {}
