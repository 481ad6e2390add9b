package app.parley.model.chat;

import app.parley.model.common.IdValue;
import com.fasterxml.jackson.annotation.JsonAlias;

/** Seed 001's {@code POST /api/v1/chats/}: the other user's id (integer or UUID). */
public record PrivateChatRequest(
        @JsonAlias({"userId", "user", "id"}) IdValue userId) {}
