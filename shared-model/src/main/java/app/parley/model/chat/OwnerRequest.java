package app.parley.model.chat;

import app.parley.model.common.IdValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/group/{id}/owner}: the member (id or UUID) who becomes the group's owner. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OwnerRequest(IdValue userId) {}
