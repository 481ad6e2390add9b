package app.parley.server.dialects.seed000;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The request and response bodies of seed 000 ({@code seed-000-rpc-style.txt}), with the
 * document's own field names (snake_case through Jackson's global naming). Every id a client
 * sees is a UUID; ids it sends may be UUIDs or integer ids.
 */
final class Seed000Json {
    private Seed000Json() {}

    // --- requests --------------------------------------------------------------------------------

    /** {@code {"id": UUID}}: the document's {@code owner}, {@code user}, {@code chat}, {@code inviter} and UserId payload. */
    record IdPayload(@Nullable Object id) {}

    /** 1. {@code chat: {name, is_private}}. */
    record ChatSpec(@Nullable String name, @Nullable Boolean isPrivate) {}

    /** 1. {@code POST /create_chat}. */
    record CreateChatRequest(
            @Nullable ChatSpec chat,
            @Nullable IdPayload owner,
            @Nullable List<Object> members) {}

    /** 2. {@code POST /connect} (the document's ChatConnect). */
    record ChatConnect(@Nullable IdPayload chat, @Nullable IdPayload user) {}

    /** 3. {@code file: {name, content}}; content is bytes: a base64 string or an array of byte values. */
    record FilePayload(@Nullable String name, @Nullable JsonNode content) {}

    /** 3. {@code POST /upload_file} (UploadRequest extends ChatConnect). */
    record UploadRequest(
            @Nullable FilePayload file,
            @Nullable IdPayload chat,
            @Nullable IdPayload user) {}

    /** 4. {@code POST /chat_generate_invite}. */
    record GenerateInviteRequest(
            @Nullable IdPayload chat, @Nullable IdPayload inviter) {}

    /** 5. {@code POST /chat_accept_invite} when the parameters come in the body. */
    record AcceptInviteRequest(
            @Nullable String token, @Nullable Object userId) {}

    /** 6. {@code POST /send_message}. */
    record SendMessageRequest(
            @Nullable String content, @Nullable ChatConnect connect) {}

    /** 8. {@code POST /create_user}. */
    record CreateUserRequest(@Nullable String username) {}

    /** 9. {@code GET /get_user_id}. */
    record UsernamePayload(@Nullable String username) {}

    // --- responses -------------------------------------------------------------------------------

    /** 1. The chat details. {@code owner_id} is null for a private chat (it has no owner). */
    record ChatDetails(
            String chatId,
            String name,
            boolean isPrivate,
            @Nullable String ownerId,
            List<String> members,
            Instant createdAt) {}

    /** A file carried by a message; {@code url} is where members download it (with their token). */
    record FileView(String fileId, String name, long size, String contentType, String url) {}

    /** A message as {@code /connect} lists it. */
    record MessageView(
            String messageId,
            String chatId,
            String senderId,
            String senderUsername,
            String content,
            Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FileView> attachments) {}

    /** 2. The newest messages (oldest first), the unread count before connecting, and the new last_seen. */
    record Connected(String chatId, List<MessageView> lastMessages, long unreadMessagesCount, Instant lastSeen) {}

    /** 3. The stored file and the message that carries it in the chat. */
    record Uploaded(String fileId, String chatFileId, String name, long size, String contentType) {}

    /** 4. The token and its two link forms. */
    record GeneratedInvite(String token, String inviteLink, String appLink) {}

    /** 5. {@code joined} is false when the user already was a member. */
    record AcceptedInvite(String status, String chatId, boolean joined) {}

    /** 6. */
    record MessageSent(String messageId, String status) {}

    /** 7. The last message of a chat in {@code /status} (attachments are not listed there). */
    record LastMessage(String messageId, String senderId, String senderUsername, String content, Instant createdAt) {}

    /** 7. One chat of the caller. */
    record ChatStatus(
            String chatId,
            String name,
            boolean isPrivate,
            long unreadMessagesCount,
            @Nullable LastMessage lastMessage) {}

    /** 8. The new user and a token to go on with (the document has no other way to get one). */
    record CreatedUser(String id, String username, String token, String tokenType) {}

    /** 9. */
    record UserId(String id) {}

    /** Every error of the dialect: FastAPI's {@code detail}, plus a stable code, the status and the field at fault. */
    record Error(
            String detail,
            String code,
            int status,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String field) {}
}
