package app.parley.model.message;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A new message. Seed 001 only says "accepts the message text", so {@code message} and
 * {@code content} (the names seeds 003/004 and 000 use) are accepted for {@code text}.
 */
public record SendMessageRequest(
        @JsonAlias({"message", "content"}) String text,
        @JsonAlias({"clientMsgId"}) String clientMsgId) {}
