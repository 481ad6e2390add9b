package app.parley.model.chat;

import app.parley.model.common.IdValue;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Seed 001's {@code POST /api/v1/chats/}: the other user's id (integer or UUID). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrivateChatRequest(
        @JsonAlias({"userId", "user", "id"}) IdValue userId) {}
