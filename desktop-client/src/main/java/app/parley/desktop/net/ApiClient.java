package app.parley.desktop.net;

import app.parley.model.account.AuthResponse;
import app.parley.model.account.LoginRequest;
import app.parley.model.account.RegisterRequest;
import app.parley.model.account.SessionList;
import app.parley.model.account.UserList;
import app.parley.model.account.UserProfile;
import app.parley.model.agent.AgentInfo;
import app.parley.model.chat.ChatInfo;
import app.parley.model.chat.ChatList;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.GroupCreatedResponse;
import app.parley.model.chat.GroupOptions;
import app.parley.model.chat.GroupUsers;
import app.parley.model.common.ErrorBody;
import app.parley.model.common.ServerLimits;
import app.parley.model.event.ChatMutedEvent;
import app.parley.model.file.Attachment;
import app.parley.model.file.StorageUsage;
import app.parley.model.invite.Invite;
import app.parley.model.invite.InviteAccepted;
import app.parley.model.invite.InviteList;
import app.parley.model.invite.InvitePreview;
import app.parley.model.invite.InviteRequest;
import app.parley.model.message.MarkReadRequest;
import app.parley.model.message.Message;
import app.parley.model.message.MessagePage;
import app.parley.model.message.MessageReactions;
import app.parley.model.message.MessageVersions;
import app.parley.model.message.ReadPositions;
import app.parley.model.message.ReadState;
import app.parley.model.message.SearchResults;
import app.parley.model.message.UnreadCounts;
import app.parley.model.presence.PresenceList;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mizosoft.methanol.MediaType;
import com.github.mizosoft.methanol.MultipartBodyPublisher;
import com.github.mizosoft.methanol.ProgressTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;

/**
 * Every HTTP call the app makes to a Parley server's canonical API ({@code docs/api.md}), over
 * {@link HttpClient}. Calls block: view-models run them off the FX thread. A refusal is an
 * {@link ApiException} carrying the server's error code; no answer at all is a
 * {@link ServerUnreachableException}. Immutable: {@link #signedIn(String)} gives a client
 * that sends the token.
 */
public final class ApiClient {
    /** How the server lists this app among a person's sessions. */
    private static final String USER_AGENT = "Parley desktop on " + System.getProperty("os.name", "an unknown system");

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    /** An upload's answer comes after its whole body went out, so it may take long; cancelling ends it sooner. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofHours(1);
    /** Progress is reported every this many bytes sent (and at the end), not for every buffer. */
    private static final long PROGRESS_STEP = 32 * 1024;

    private final HttpClient http;
    private final ObjectMapper json;
    private final ServerAddress server;
    private final String token;

    private ApiClient(HttpClient http, ObjectMapper json, ServerAddress server, String token) {
        this.http = Objects.requireNonNull(http);
        this.json = Objects.requireNonNull(json);
        this.server = Objects.requireNonNull(server);
        this.token = token;
    }

    /** A client for a server, not signed in yet. */
    public static ApiClient of(HttpClient http, ObjectMapper json, ServerAddress server) {
        return new ApiClient(http, json, server, null);
    }

    public ApiClient signedIn(String token) {
        return new ApiClient(http, json, server, Objects.requireNonNull(token));
    }

    /** The same server without the token (after signing out). */
    public ApiClient signedOut() {
        return new ApiClient(http, json, server, null);
    }

    public ServerAddress server() {
        return server;
    }

    /** The bearer token, or null before signing in. */
    public String token() {
        return token;
    }

    /** Answers normally only if a Parley server answers at the address. */
    public void checkReachable() {
        JsonNode health = call(get("/health"), JsonNode.class);
        if (!health.path("status").isTextual()) {
            throw new ServerUnreachableException(
                    server, "the server at " + server.display() + " does not look like a Parley server", null);
        }
    }

    public AuthResponse register(String username, String password, String name) {
        return register(username, password, name, null);
    }

    /** Registers with an invite link (or token), which also joins its group; null for none. */
    public AuthResponse register(String username, String password, String name, String invite) {
        return call(
                post("/api/v1/auth/register", new RegisterRequest(username, password, name, null, invite)),
                AuthResponse.class);
    }

    public AuthResponse login(String username, String password) {
        return call(post("/api/v1/auth/login", new LoginRequest(username, password)), AuthResponse.class);
    }

    public UserProfile me() {
        return call(get("/api/v1/user"), UserProfile.class);
    }

    public UserProfile user(long id) {
        return call(get("/api/v1/user/" + id), UserProfile.class);
    }

    /** People whose username or a word of whose name starts with the query (username matches first). */
    public List<UserProfile> searchUsers(String query, int limit) {
        return call(get("/api/v1/users?query=" + encode(query) + "&limit=" + limit), UserList.class)
                .users();
    }

    /** Everyone who shares a chat with the caller: online, away, or offline and since when. */
    public PresenceList presence() {
        return call(get("/api/v1/presence"), PresenceList.class);
    }

    /**
     * Ends this session on the server: its token stops counting and its sockets close. A token the
     * server no longer takes is ended already.
     */
    public void signOut() {
        HttpResponse<byte[]> response =
                exchange(post("/api/v1/auth/logout", Map.of()), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 300 && status != 401) {
            throw refusal(status, response.body());
        }
    }

    /** The person's open sessions (signed-in devices), this one marked {@code current}. */
    public SessionList sessions() {
        return call(get("/api/v1/auth/sessions"), SessionList.class);
    }

    /** Ends one of the person's sessions: its tokens stop counting and its sockets close. */
    public void endSession(String sessionId) {
        HttpResponse<byte[]> response =
                exchange(delete("/api/v1/auth/sessions/" + encode(sessionId)), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300 && response.statusCode() != 404) {
            throw refusal(response.statusCode(), response.body());
        }
    }

    /** The caller's chats, most recently active first, each with its unread count. */
    public List<ChatRoom> chats() {
        return call(get("/api/v1/chats"), ChatList.class).rooms();
    }

    public UnreadCounts unread() {
        return call(get("/api/v1/chats/unread/"), UnreadCounts.class);
    }

    /** The private chat with a user: the same one every time. */
    public ChatRoom openPrivateChat(long userId) {
        return call(post("/api/v1/chats/", Map.of("user_id", userId)), ChatRoom.class);
    }

    public GroupCreatedResponse.GroupSummary createGroup(String name, String description, List<Long> memberIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (description != null && !description.isBlank()) {
            body.put("description", description);
        }
        body.put("users", memberIds.stream().map(id -> Map.of("id", id)).toList());
        return call(post("/api/v1/group", body), GroupCreatedResponse.class).group();
    }

    public ChatInfo chatInfo(long chatId) {
        return call(get("/api/v1/chat/" + chatId + "/info"), ChatInfo.class);
    }

    /** A page of history, newest first; {@code before} (a message id) pages back, null starts at the newest. */
    public MessagePage history(long chatId, Long before, int limit) {
        String query = "?limit=" + limit + (before == null ? "" : "&before=" + before);
        return call(get("/api/v1/chats/" + chatId + "/messages/" + query), MessagePage.class);
    }

    /** Sends a message; resending with the same {@code clientMsgId} stores nothing new and answers the first. */
    public Message send(long chatId, String text, String clientMsgId, List<Long> attachmentIds) {
        return send(chatId, text, clientMsgId, attachmentIds, null);
    }

    /** The same as a reply to message {@code replyTo} of the chat (null: it answers none). */
    public Message send(long chatId, String text, String clientMsgId, List<Long> attachmentIds, Long replyTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("client_msg_id", clientMsgId);
        if (!attachmentIds.isEmpty()) {
            body.put("attachments", attachmentIds);
        }
        if (replyTo != null) {
            body.put("reply_to", replyTo);
        }
        return call(post("/api/v1/chats/" + chatId + "/messages/", body), Message.class);
    }

    public ReadState markRead(long chatId, long upToMessageId) {
        return call(
                post("/api/v1/chats/" + chatId + "/mark_read/", new MarkReadRequest(null, upToMessageId)),
                ReadState.class);
    }

    /** How far every member of the chat has read (the caller included), for read receipts. */
    public ReadPositions readPositions(long chatId) {
        return call(get("/api/v1/chats/" + chatId + "/read_positions/"), ReadPositions.class);
    }

    /** Gives one of the caller's own messages a new text; answers the message as it now is. */
    public Message editMessage(long chatId, long messageId, String text) {
        return call(
                withBody("PATCH", "/api/v1/chats/" + chatId + "/messages/" + messageId + "/", Map.of("text", text)),
                Message.class);
    }

    /** Every text a message has had, oldest first, the current one last. */
    public MessageVersions messageVersions(long chatId, long messageId) {
        return call(get("/api/v1/chats/" + chatId + "/messages/" + messageId + "/versions/"), MessageVersions.class);
    }

    /** Mutes a chat for the caller until {@code until}, or until unmuted when it is null. */
    public ChatMutedEvent mute(long chatId, Instant until) {
        Map<String, Object> body = until == null ? Map.of() : Map.of("until", until.toString());
        return call(withBody("PUT", "/api/v1/chats/" + chatId + "/mute/", body), ChatMutedEvent.class);
    }

    public ChatMutedEvent unmute(long chatId) {
        return call(delete("/api/v1/chats/" + chatId + "/mute/"), ChatMutedEvent.class);
    }

    /** Reacts to a message with an emoji; the message's reactions as they now are. */
    public MessageReactions addReaction(long chatId, long messageId, String emoji) {
        return call(
                post("/api/v1/chats/" + chatId + "/messages/" + messageId + "/reactions/", Map.of("emoji", emoji)),
                MessageReactions.class);
    }

    /** Takes one's own reaction back; the message's reactions as they now are. */
    public MessageReactions removeReaction(long chatId, long messageId, String emoji) {
        return call(
                delete("/api/v1/chats/" + chatId + "/messages/" + messageId + "/reactions/" + encode(emoji)),
                MessageReactions.class);
    }

    public void deleteMessage(long chatId, long messageId) {
        call(delete("/api/v1/chats/" + chatId + "/messages/" + messageId + "/"), JsonNode.class);
    }

    /** Messages of the chat matching every word of the query (a word or its beginning), best match first. */
    public List<Message> searchMessages(long chatId, String query, int limit) {
        return call(
                        get("/api/v1/chats/" + chatId + "/search/?query=" + encode(query) + "&limit=" + limit),
                        SearchResults.class)
                .results();
    }

    /** The newest matches in all of the caller's chats, each naming its chat. */
    public List<Message> searchEverywhere(String query, int limit) {
        return call(get("/api/v1/search/?query=" + encode(query) + "&limit=" + limit), SearchResults.class)
                .results();
    }

    /** The caller's private chat with the AI agent, made on first use. */
    public ChatRoom agentConversation() {
        return call(post("/api/v1/agent/conversation/", Map.of()), ChatRoom.class);
    }

    /** A group's members (members only; a private chat is {@code 404 group_not_found}). */
    public GroupUsers groupMembers(long groupId) {
        return call(get("/api/v1/group/" + groupId + "/users"), GroupUsers.class);
    }

    /** Adds people to a group: the owner only; all or nothing. */
    public void addMembers(long groupId, List<Long> userIds) {
        call(post("/api/v1/group/" + groupId + "/add", usersBody(userIds)), JsonNode.class);
    }

    /** Removes people from a group: the owner only, never themself; all or nothing. */
    public void removeMembers(long groupId, List<Long> userIds) {
        call(withBody("DELETE", "/api/v1/group/" + groupId + "/delete", usersBody(userIds)), JsonNode.class);
    }

    /** Deletes a group with its messages: the owner only. */
    public void deleteGroup(long groupId) {
        call(delete("/api/v1/group/" + groupId), JsonNode.class);
    }

    /** Who may mention everyone in the group with @all. */
    public GroupOptions groupOptions(long groupId) {
        return call(get("/api/v1/group/" + groupId + "/options"), GroupOptions.class);
    }

    /** Sets the group's options (the owner only). */
    public GroupOptions setGroupOptions(long groupId, GroupOptions options) {
        return call(withBody("PUT", "/api/v1/group/" + groupId + "/options", options), GroupOptions.class);
    }

    /** Renames a group and sets its description (the owner only); null leaves one as it is. */
    public ChatInfo updateGroup(long groupId, String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        return call(withBody("PATCH", "/api/v1/group/" + groupId, body), ChatInfo.class);
    }

    /** Replaces a group's photo (the owner only; the server checks and scales it). */
    public ChatInfo setGroupPhoto(long groupId, Photo photo) {
        MultipartBodyPublisher body = MultipartBodyPublisher.newBuilder()
                .formPart(
                        "photo",
                        photo.fileName(),
                        HttpRequest.BodyPublishers.ofByteArray(photo.bytes()),
                        MediaType.APPLICATION_OCTET_STREAM)
                .build();
        return call(
                request("/api/v1/group/" + groupId + "/photo")
                        .header("Content-Type", body.mediaType().toString())
                        .PUT(body)
                        .build(),
                ChatInfo.class);
    }

    /** Takes a group's photo away (the owner only). */
    public ChatInfo removeGroupPhoto(long groupId) {
        return call(delete("/api/v1/group/" + groupId + "/photo"), ChatInfo.class);
    }

    /** Leaves a group; its owner is refused ({@code 409 owner_cannot_leave}) while others are in it. */
    public void leaveGroup(long groupId) {
        call(post("/api/v1/group/" + groupId + "/leave", Map.of()), JsonNode.class);
    }

    /** Hands a group to another of its members (the owner only). */
    public ChatInfo makeOwner(long groupId, long userId) {
        return call(post("/api/v1/group/" + groupId + "/owner", Map.of("user_id", userId)), ChatInfo.class);
    }

    /**
     * Changes the caller's name and description (null leaves one as it is) and, when
     * {@code photo} is given, their photo (PNG, JPEG, GIF or BMP; the server scales it).
     */
    public void updateProfile(String name, String description, Photo photo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (name != null) {
            fields.put("name", name);
        }
        if (description != null) {
            fields.put("description", description);
        }
        try {
            var form = MultipartBodyPublisher.newBuilder().textPart("json", json.writeValueAsString(fields));
            if (photo != null) {
                form.formPart(
                        "photo",
                        photo.fileName(),
                        HttpRequest.BodyPublishers.ofByteArray(photo.bytes()),
                        MediaType.APPLICATION_OCTET_STREAM);
            }
            MultipartBodyPublisher body = form.build();
            call(
                    request("/api/v1/user")
                            .header("Content-Type", body.mediaType().toString())
                            .POST(body)
                            .build(),
                    JsonNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the profile", e);
        }
    }

    /** A picture to upload, as read from a file. */
    public record Photo(String fileName, byte[] bytes) {}

    /**
     * The bytes of a photo by its {@code photo_url} (a path on this server); empty when there is
     * none ({@code 404}).
     */
    public Optional<byte[]> photo(String photoUrl) {
        HttpResponse<byte[]> response =
                send(request(photoUrl).header("Accept", "image/*").GET().build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Optional.of(response.body());
        }
        if (status == 404) {
            return Optional.empty();
        }
        throw refusal(status, response.body());
    }

    /** A new invite to a group; null {@code expiresInSeconds} or {@code maxUses} means no limit. */
    public Invite createInvite(long chatId, Long expiresInSeconds, Integer maxUses) {
        return call(
                post("/api/v1/chats/" + chatId + "/invites/", new InviteRequest(expiresInSeconds, null, maxUses)),
                Invite.class);
    }

    /** A group's invites: all of them for its owner, one's own for other members. */
    public List<Invite> invites(long chatId) {
        return call(get("/api/v1/chats/" + chatId + "/invites/"), InviteList.class)
                .invites();
    }

    /** Revokes an invite (its maker or the group's owner); revoking again is fine. */
    public void revokeInvite(long inviteId) {
        call(delete("/api/v1/invites/" + inviteId + "/"), JsonNode.class);
    }

    /** What an invite leads to, before joining. */
    public InvitePreview previewInvite(String token) {
        return call(get("/api/v1/invites/" + encode(token) + "/preview/"), InvitePreview.class);
    }

    /** Joins the invite's group; {@code joined} is false for someone already in it. */
    public InviteAccepted acceptInvite(String token) {
        return call(post("/api/v1/invites/" + encode(token) + "/accept/", Map.of()), InviteAccepted.class);
    }

    public AgentInfo agent() {
        return call(get("/api/v1/agent/"), AgentInfo.class);
    }

    /** The server's input limits ({@code GET /api/v1/limits}). */
    public ServerLimits limits() {
        return call(get("/api/v1/limits"), ServerLimits.class);
    }

    /** The caller's storage use and the largest file this server takes. */
    public StorageUsage storage() {
        return call(get("/api/v1/storage/"), StorageUsage.class);
    }

    /**
     * Uploads a file into a chat, streamed from disk as the multipart part {@code file};
     * {@code sent} hears the bytes of the request sent so far (on an HTTP thread). Cancelling the
     * answer cancels the upload. The answer fails with an {@link ApiException} when the server
     * refuses ({@code 413 file_too_large}), a {@link ServerUnreachableException} when the upload
     * does not finish (no server, or the connection dropped) and an {@link UncheckedIOException}
     * when the file cannot be read.
     */
    public CompletableFuture<Attachment> upload(long chatId, Path file, LongConsumer sent) {
        MultipartBodyPublisher multipart;
        try {
            multipart =
                    MultipartBodyPublisher.newBuilder().filePart("file", file).build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot read " + file, e));
        }
        ProgressTracker tracker = ProgressTracker.newBuilder()
                .bytesTransferredThreshold(PROGRESS_STEP)
                .build();
        HttpRequest request = request("/api/v1/chats/" + chatId + "/files/")
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", multipart.mediaType().toString())
                .POST(tracker.tracking(multipart, progress -> sent.accept(progress.totalBytesTransferred())))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<Attachment> answer = exchange.handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                throw new ServerUnreachableException(
                        server, "the upload to " + server.display() + " did not finish", cause);
            }
            return read(response, Attachment.class);
        });
        // The answer is a stage after the exchange: cancelling it must reach the exchange itself.
        answer.whenComplete((attachment, failure) -> {
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    /** A file's description, as messages show it. */
    public Attachment fileInfo(long fileId) {
        return call(get("/api/v1/files/" + fileId + "/info/"), Attachment.class);
    }

    /** A file's bytes, for files small enough to hold in memory (images to show). */
    public byte[] fileBytes(long fileId) {
        return bytes(download("/api/v1/files/" + fileId + "/"));
    }

    /** An image's thumbnail (fits 320 px); {@code 404 thumbnail_not_found} for other files. */
    public byte[] thumbnail(long fileId) {
        return bytes(download("/api/v1/files/" + fileId + "/thumbnail/"));
    }

    /**
     * Downloads a file to {@code target}, through a temporary file beside it, so a download that
     * fails leaves nothing half-written where the person asked for it.
     */
    public Path downloadTo(long fileId, Path target) {
        Path folder = target.toAbsolutePath().getParent();
        Path partial;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, ".parley-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + folder, e);
        }
        try {
            HttpResponse<byte[]> response = exchange(
                    download("/api/v1/files/" + fileId + "/"),
                    info -> info.statusCode() / 100 == 2
                            ? HttpResponse.BodySubscribers.mapping(
                                    HttpResponse.BodySubscribers.ofFile(partial), written -> new byte[0])
                            : HttpResponse.BodySubscribers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw refusal(response.statusCode(), response.body());
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // A leftover temporary file is harmless; the download's own outcome matters.
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path))
                .timeout(CALL_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest delete(String path) {
        return request(path).DELETE().build();
    }

    private HttpRequest post(String path, Object body) {
        return withBody("POST", path, body);
    }

    private HttpRequest withBody(String method, String path, Object body) {
        try {
            return request(path)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body for " + path, e);
        }
    }

    private static Map<String, Object> usersBody(List<Long> userIds) {
        return Map.of("users", userIds.stream().map(id -> Map.of("id", id)).toList());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest download(String path) {
        return request(path).setHeader("Accept", "*/*").GET().build();
    }

    private byte[] bytes(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw refusal(response.statusCode(), response.body());
        }
        return response.body();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ServerUnreachableException(server, "cannot reach the server at " + server.display(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, "the call to " + server.display() + " was interrupted", e);
        }
    }

    private <T> T call(HttpRequest request, Class<T> answer) {
        return read(exchange(request, HttpResponse.BodyHandlers.ofByteArray()), answer);
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> answer) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return json.readValue(response.body(), answer);
            } catch (IOException e) {
                throw new ServerUnreachableException(
                        server, "the server at " + server.display() + " gave an answer Parley cannot read", e);
            }
        }
        throw refusal(status, response.body());
    }

    private ApiException refusal(int status, byte[] body) {
        try {
            ErrorBody error = json.readValue(body, ErrorBody.class);
            if (error != null && error.code() != null) {
                return ApiException.of(status, error);
            }
        } catch (IOException e) {
            // Not Parley's error shape: said below in general terms.
        }
        return new ApiException(status, "http_" + status, "the server answered HTTP " + status, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
