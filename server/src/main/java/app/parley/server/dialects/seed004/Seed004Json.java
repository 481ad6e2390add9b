package app.parley.server.dialects.seed004;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * Seed 004's wire shapes ({@code seed-004-conversations.txt}), with the document's own field
 * names. Ids are UUIDs. Field names are snake_case through the server's naming strategy; the
 * aliases are the other spellings a client of a document without request bodies may send.
 */
final class Seed004Json {
    private Seed004Json() {}

    /** {@code POST /api/auth/register}: the document shows no body; e-mail, password, and optionally a name and username. */
    record RegisterBody(
            @Nullable String email,
            @Nullable String password,

            @Nullable @JsonAlias({"full_name", "display_name", "fullName", "displayName"})
            String name,

            @Nullable @JsonAlias({"user_name", "userName"}) String username) {}

    /** {@code POST /api/auth/login}: {@code email} or {@code username}, and {@code password}. */
    record LoginBody(
            @Nullable String email,
            @Nullable String password,

            @Nullable @JsonAlias({"user_name", "userName", "login"})
            String username) {}

    /** The document's user profile. {@code profile_picture} is an absolute URL, or null without a photo. */
    record User(
            String userId,
            @Nullable String email,
            String name,
            @Nullable String profilePicture) {}

    /** What register and login answer: the bearer token and the signed-in user. */
    record Session(String token, User user) {}

    /** {@code POST /api/conversations}: the document shows no body; the other user in one of these spellings, or {@code is_ai}. */
    record NewConversation(
            @Nullable @JsonAlias("participantId") Object participantId,
            @Nullable @JsonAlias("userId") Object userId,
            @Nullable List<Object> participants,

            @Nullable @JsonAlias({"participantIds", "user_ids", "userIds"})
            List<Object> participantIds,

            @Nullable @JsonProperty("is_ai") @JsonAlias("isAi")
            Boolean isAi) {}

    /** The newest message of a conversation in the list. */
    record LastMessage(String messageId, String senderId, String message, Instant timestamp) {}

    /** A conversation: its members (the caller included), whether the other side is the AI agent, its state for the caller. */
    record Conversation(
            String conversationId,
            List<User> participants,
            @JsonProperty("is_ai") boolean isAi,
            @Nullable LastMessage lastMessage,
            long unreadCount,
            Instant createdAt) {}

    /** One message of {@code GET /api/conversations/{conversation_id}}, exactly as the document shows it. */
    record HistoryItem(String senderId, String message, Instant timestamp) {}

    /** {@code POST /api/conversations/{conversation_id}/connect}, plus where to open the WebSocket. */
    record Connected(String status, String conversationId, String websocketUrl) {}

    /** {@code POST /api/messages}. */
    record NewMessage(
            @Nullable @JsonAlias({"conversationId", "chat_id"})
            Object conversationId,

            @Nullable @JsonAlias("senderId") Object senderId,
            @Nullable @JsonAlias({"text", "content"}) String message) {}

    /** What {@code POST /api/messages} answers. */
    record SentMessage(String messageId, String message, Instant timestamp) {}

    /** The document's error shape: {@code {"error": {"message", "status"}}}. */
    record ErrorEnvelope(ErrorDetail error) {}

    record ErrorDetail(String message, int status) {}
}
