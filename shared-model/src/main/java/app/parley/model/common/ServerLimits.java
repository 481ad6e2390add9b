package app.parley.model.common;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The input limits a server enforces ({@code GET /api/v1/limits}), so that a client can say so
 * before sending rather than after a refusal: lengths in characters (code points).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ServerLimits(
        int usernameMin,
        int usernameMax,
        int passwordMin,
        int passwordMax,
        int displayNameMax,
        int descriptionMax,
        int chatNameMax,
        int messageMax,
        int searchQueryMax,
        int groupMembersMax) {}
