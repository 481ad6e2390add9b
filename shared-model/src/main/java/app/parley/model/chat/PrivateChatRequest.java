package app.parley.model.chat;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Seed 001's {@code POST /api/v1/chats/}: the other user's id (integer or UUID). */
public record PrivateChatRequest(
        @JsonAlias({"userId", "user", "id"}) Object userId) {}
