package app.parley.server.dialects.seed000;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;
import app.parley.model.invite.InviteLink;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.common.PublicAddress;
import app.parley.server.dialects.seed000.Seed000Json.AcceptInviteRequest;
import app.parley.server.dialects.seed000.Seed000Json.AcceptedInvite;
import app.parley.server.dialects.seed000.Seed000Json.ChatConnect;
import app.parley.server.dialects.seed000.Seed000Json.ChatDetails;
import app.parley.server.dialects.seed000.Seed000Json.ChatSpec;
import app.parley.server.dialects.seed000.Seed000Json.ChatStatus;
import app.parley.server.dialects.seed000.Seed000Json.Connected;
import app.parley.server.dialects.seed000.Seed000Json.CreateChatRequest;
import app.parley.server.dialects.seed000.Seed000Json.CreateUserRequest;
import app.parley.server.dialects.seed000.Seed000Json.CreatedUser;
import app.parley.server.dialects.seed000.Seed000Json.FilePayload;
import app.parley.server.dialects.seed000.Seed000Json.GenerateInviteRequest;
import app.parley.server.dialects.seed000.Seed000Json.GeneratedInvite;
import app.parley.server.dialects.seed000.Seed000Json.IdPayload;
import app.parley.server.dialects.seed000.Seed000Json.MessageSent;
import app.parley.server.dialects.seed000.Seed000Json.SendMessageRequest;
import app.parley.server.dialects.seed000.Seed000Json.UploadRequest;
import app.parley.server.dialects.seed000.Seed000Json.Uploaded;
import app.parley.server.dialects.seed000.Seed000Json.UserId;
import app.parley.server.dialects.seed000.Seed000Json.UsernamePayload;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.files.StoredFile;
import app.parley.server.files.Upload;
import app.parley.server.invites.Accepted;
import app.parley.server.invites.InviteDetails;
import app.parley.server.invites.InviteService;
import app.parley.server.invites.InviteWebLinks;
import app.parley.server.messages.MessageService;
import app.parley.server.messages.OpenedChat;
import app.parley.server.messages.PostedFile;
import app.parley.server.messages.SentMessage;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.security.TokenIssuer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Seed 000 ({@code seed-000-rpc-style.txt}): nine RPC-style endpoints at the server's root, with
 * and without a trailing slash. A thin adapter: it reads the document's shapes, calls the same
 * services as {@code /api/v1} for the caller (whom the token names; a body naming someone else
 * as the actor is refused), and writes the document's shapes with UUIDs. Errors come in seed
 * 000's shape ({@link Seed000Errors}). Left out of the canonical OpenAPI document; see
 * {@code docs/seed-000.md}.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class Seed000Controller {
    private static final int ALL_CHATS = Integer.MAX_VALUE;
    private final AccountService accounts;
    private final TokenIssuer tokens;
    private final ChatService chats;
    private final MessageService messages;
    private final InviteService invites;
    private final Actors actors;
    private final Seed000Views views;
    private final GetBody getBody;
    private final InviteWebLinks webLinks;

    Seed000Controller(
            AccountService accounts,
            TokenIssuer tokens,
            ChatService chats,
            MessageService messages,
            InviteService invites,
            Actors actors,
            Seed000Views views,
            GetBody getBody,
            InviteWebLinks webLinks) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.chats = chats;
        this.messages = messages;
        this.invites = invites;
        this.actors = actors;
        this.views = views;
        this.getBody = getBody;
        this.webLinks = webLinks;
    }

    /**
     * 1. A chat owned by the caller. {@code is_private} with exactly one other member is the
     * private chat of the two (one per pair: 201 when created now, 200 when it existed);
     * anything else is a group with the listed members (201).
     */
    @Post("/create_chat{/}")
    HttpResponse<ChatDetails> createChat(Authentication authentication, @Body @Nullable CreateChatRequest request) {
        CreateChatRequest body = required(request, "a JSON body with chat, owner and members is required");
        long caller = actors.require(authentication, idOf(body.owner()), "owner.id");
        ChatSpec spec = body.chat() == null ? new ChatSpec(null, null) : body.chat();
        List<IdRef> others = new ArrayList<>();
        for (Object member : body.members() == null ? List.of() : body.members()) {
            IdRef ref = Ids.parse(member, "members");
            if (!accounts.isSelf(caller, ref) && !others.contains(ref)) {
                others.add(ref);
            }
        }
        if (Boolean.TRUE.equals(spec.isPrivate()) && others.size() == 1) {
            ChatService.PrivateChat result = Fields.named(
                    Map.of("user_id", "members"), () -> chats.getOrCreatePrivate(caller, others.getFirst()));
            ChatDetails details = views.details(caller, result.chat());
            return result.created() ? HttpResponse.created(details) : HttpResponse.ok(details);
        }
        List<UserRef> users =
                others.stream().map(ref -> new UserRef(ref, null, null)).toList();
        Chat group = Fields.named(
                Map.of("name", "chat.name", "users", "members", "users.id", "members"),
                () -> chats.createGroup(caller, spec.name(), "", users, null));
        return HttpResponse.created(views.details(caller, group));
    }

    /**
     * 2. Connecting to a chat: its newest messages (oldest first), what was unread before, and
     * the new {@code last_seen}: connecting reads the chat up to the newest message shown.
     */
    @Post("/connect{/}")
    Connected connect(Authentication authentication, @Body @Nullable ChatConnect request) {
        ChatConnect body = required(request, "a JSON body with chat and user is required");
        long caller = actors.require(authentication, idOf(body.user()), "user.id");
        OpenedChat opened = messages.open(caller, Ids.parse(idOf(body.chat()), "chat.id"));
        return new Connected(
                opened.chat().uuid(),
                views.messages(opened.chat(), opened.messages()),
                opened.unreadBefore(),
                opened.lastSeenAt());
    }

    /**
     * 3. A file sent into a chat: stored like any upload, then posted in the chat as a message
     * carrying it, so the members see it. {@code chat_file_id} is that message.
     */
    @Post("/upload_file{/}")
    Uploaded uploadFile(Authentication authentication, @Body @Nullable UploadRequest request) {
        UploadRequest body = required(request, "a JSON body with file, chat and user is required");
        long caller = actors.require(authentication, idOf(body.user()), "user.id");
        Chat chat = chats.get(Ids.parse(idOf(body.chat()), "chat.id"));
        FilePayload file = body.file() == null ? new FilePayload(null, null) : body.file();
        byte[] bytes = FileContent.decode(file.content());
        PostedFile posted = messages.sendFile(
                caller,
                chat.id(),
                new Upload(file.name(), new ByteArrayInputStream(bytes)),
                OptionalLong.of(bytes.length));
        StoredFile stored = posted.file();
        return new Uploaded(
                stored.uuid(),
                posted.message().uuid(),
                stored.originalName(),
                stored.sizeBytes(),
                stored.contentType());
    }

    /** 4. A new invite to a group (no expiry, no use limit: it works until revoked). */
    @Post("/chat_generate_invite{/}")
    GeneratedInvite generateInvite(
            Authentication authentication, @Body @Nullable GenerateInviteRequest request, HttpRequest<?> http) {
        GenerateInviteRequest body = required(request, "a JSON body with chat and inviter is required");
        long caller = actors.require(authentication, idOf(body.inviter()), "inviter.id");
        Chat chat = chats.get(Ids.parse(idOf(body.chat()), "chat.id"));
        InviteDetails created =
                Fields.named(Map.of("chat_id", "chat.id"), () -> invites.create(caller, chat.id(), null));
        String token = created.invite().token();
        return new GeneratedInvite(token, webLinks.of(PublicAddress.http(http), token), InviteLink.appLink(token));
    }

    /**
     * 5. Joining a group by invite. {@code token} (or a whole invite link) and {@code user_id}
     * come as query parameters or in the JSON body; a value in the body wins.
     */
    @Post("/chat_accept_invite{/}")
    AcceptedInvite acceptInvite(
            Authentication authentication,
            @QueryValue("token") @Nullable String token,
            @QueryValue("user_id") @Nullable String userId,
            @Body @Nullable AcceptInviteRequest request,
            HttpRequest<?> http) {
        String givenToken = request != null && request.token() != null ? request.token() : token;
        Object givenUser = request != null && request.userId() != null ? request.userId() : userId;
        long caller = actors.require(authentication, givenUser, "user_id");
        Accepted accepted =
                invites.accept(caller, InviteLink.tokenOf(givenToken).orElse(givenToken), ClientAddress.of(http));
        return new AcceptedInvite("ok", accepted.chat().uuid(), accepted.joined());
    }

    /** 6. A message from the caller. */
    @Post("/send_message{/}")
    MessageSent sendMessage(Authentication authentication, @Body @Nullable SendMessageRequest request) {
        SendMessageRequest body = required(request, "a JSON body with content and connect is required");
        ChatConnect connect = body.connect() == null ? new ChatConnect(null, null) : body.connect();
        long caller = actors.require(authentication, idOf(connect.user()), "connect.user.id");
        Chat chat = chats.get(Ids.parse(idOf(connect.chat()), "connect.chat.id"));
        SentMessage sent = Fields.named(
                Map.of("text", "content"),
                () -> messages.send(
                        caller,
                        chat.id(),
                        new app.parley.model.message.SendMessageRequest(body.content(), null, null)));
        return new MessageSent(sent.message().uuid(), "ok");
    }

    /** 7. The caller's chats with their unread counts; {@code id} in a JSON body (even on GET) or as {@code ?id=}. */
    @Get("/status{/}")
    List<ChatStatus> status(Authentication authentication, @QueryValue("id") @Nullable String id, HttpRequest<?> http)
            throws JsonSyntaxException {
        return statusByPost(authentication, id, getBody.read(http, IdPayload.class));
    }

    /** 7. The same by POST, for clients that cannot send a body with GET. */
    @Post("/status{/}")
    List<ChatStatus> statusByPost(
            Authentication authentication, @QueryValue("id") @Nullable String id, @Body @Nullable IdPayload request) {
        long caller = actors.require(authentication, request != null && request.id() != null ? request.id() : id, "id");
        return views.statuses(chats.rooms(caller, ALL_CHATS, 0));
    }

    /** 8. A new user with only a username (no password), and a token to go on with. No token needed. */
    @Post("/create_user{/}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<CreatedUser> createUser(@Body @Nullable CreateUserRequest request, HttpRequest<?> http) {
        Account account =
                accounts.registerWithoutPassword(request == null ? null : request.username(), ClientAddress.of(http));
        return HttpResponse.created(
                new CreatedUser(account.uuid(), account.username(), tokens.issue(account, http), "Bearer"));
    }

    /** 9. The id of a user by username; {@code username} in a JSON body (even on GET) or as {@code ?username=}. */
    @Get("/get_user_id{/}")
    UserId userId(@QueryValue("username") @Nullable String username, HttpRequest<?> http) throws JsonSyntaxException {
        return userIdByPost(username, getBody.read(http, UsernamePayload.class));
    }

    /** 9. The same by POST, for clients that cannot send a body with GET. */
    @Post("/get_user_id{/}")
    UserId userIdByPost(@QueryValue("username") @Nullable String username, @Body @Nullable UsernamePayload request) {
        String given = request != null && request.username() != null ? request.username() : username;
        return new UserId(accounts.findByUsername(given).uuid());
    }

    private static @Nullable Object idOf(@Nullable IdPayload payload) {
        return payload == null ? null : payload.id();
    }

    private static <T> T required(@Nullable T body, String message) {
        if (body == null) {
            throw new InvalidInputException(null, message);
        }
        return body;
    }
}
