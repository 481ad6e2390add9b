package app.parley.server.api.v1;

import app.parley.model.chat.ChatInfo;
import app.parley.model.chat.GroupCreatedResponse;
import app.parley.model.chat.GroupOptions;
import app.parley.model.chat.GroupRequest;
import app.parley.model.chat.GroupUpdate;
import app.parley.model.chat.GroupUsers;
import app.parley.model.chat.MembersRequest;
import app.parley.model.chat.OwnerRequest;
import app.parley.model.common.StatusResponse;
import app.parley.server.accounts.Account;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.chats.GroupMembership;
import app.parley.server.chats.GroupSettings;
import app.parley.server.common.IdRefs;
import app.parley.server.files.FileService;
import app.parley.server.files.StoredFile;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Seed 002's groups: create, inspect, manage members (owner only), delete (owner only); and
 * Parley's own: rename, photo, hand over (owner only), leave.
 */
@Controller("/api/v1/group")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "groups")
class GroupController {
    private final ChatService chats;
    private final GroupMembership membership;
    private final GroupSettings settings;
    private final FileService files;
    private final JsonPart jsonPart;

    GroupController(
            ChatService chats,
            GroupMembership membership,
            GroupSettings settings,
            FileService files,
            JsonPart jsonPart) {
        this.settings = settings;
        this.chats = chats;
        this.membership = membership;
        this.files = files;
        this.jsonPart = jsonPart;
    }

    /** Creates a group owned by the caller from the {@code json} form field, with an optional photo. */
    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RouteCondition(Forms.HAS_CONTENT_TYPE)
    @Secured(Forms.SIGNED_IN)
    GroupCreatedResponse create(
            Authentication authentication,
            @Part("json") @Nullable String json,
            @Part("photo") @Nullable CompletedFileUpload photo) {
        // Seed 002 quirk (multipart json field): see docs/api.md, "Seed quirks in the canonical code".
        GroupRequest request = jsonPart.read(json, GroupRequest.class);
        return created(chats.createGroup(
                Caller.id(authentication),
                request.name(),
                request.description(),
                request.users(),
                Uploads.photo(files, photo)));
    }

    /** The same as the multipart form, for clients that send the group as plain JSON. */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    GroupCreatedResponse createJson(Authentication authentication, @Body @Nullable GroupRequest request) {
        GroupRequest group = request == null ? new GroupRequest(null, null, null) : request;
        return created(
                chats.createGroup(Caller.id(authentication), group.name(), group.description(), group.users(), null));
    }

    /** Deletes the group with its messages (owner only). */
    @Delete("/{id}")
    StatusResponse delete(Authentication authentication, String id) {
        chats.deleteGroup(Caller.id(authentication), groupId(id));
        return StatusResponse.ok();
    }

    /** The group's name, description, owner and members; members only. */
    @Get("/{id}/info")
    ChatInfo info(Authentication authentication, String id) {
        long caller = Caller.id(authentication);
        Chat group = chats.getGroup(IdRefs.parse(id, "id"));
        return V1Views.info(group, chats.memberAccounts(caller, group.id()), caller);
    }

    /** Who may mention everyone with @all; members only. */
    @Get("/{id}/options")
    GroupOptions options(Authentication authentication, String id) {
        return settings.options(Caller.id(authentication), groupId(id));
    }

    /** Sets who may mention everyone with @all; the owner only. */
    @Put("/{id}/options")
    GroupOptions setOptions(Authentication authentication, String id, @Body @Nullable GroupOptions options) {
        return settings.setOptions(Caller.id(authentication), groupId(id), options);
    }

    /** The group's members; members only. */
    @Get("/{id}/users")
    GroupUsers users(Authentication authentication, String id) {
        return new GroupUsers(chats.memberAccounts(Caller.id(authentication), groupId(id)).stream()
                .map(Account::toRef)
                .toList());
    }

    /** Adds users (owner only); 409 if one of them is already a member, and then nobody is added. */
    @Post("/{id}/add")
    StatusResponse add(Authentication authentication, String id, @Body @Nullable MembersRequest request) {
        membership.addMembers(Caller.id(authentication), groupId(id), request == null ? null : request.users());
        return StatusResponse.ok();
    }

    /** Removes users (owner only); 409 if one of them is not a member, and then nobody is removed. */
    @Delete("/{id}/delete")
    StatusResponse remove(Authentication authentication, String id, @Body @Nullable MembersRequest request) {
        membership.removeMembers(Caller.id(authentication), groupId(id), request == null ? null : request.users());
        return StatusResponse.ok();
    }

    /** Renames the group or changes its description (owner only); absent fields stay as they are. */
    @Patch("/{id}")
    ChatInfo update(Authentication authentication, String id, @Body @Nullable GroupUpdate update) {
        long caller = Caller.id(authentication);
        return info(caller, settings.update(caller, groupId(id), update));
    }

    /** Replaces the group's photo (owner only), checked and scaled as at creation. */
    @Put("/{id}/photo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    ChatInfo setPhoto(Authentication authentication, String id, @Part("photo") @Nullable CompletedFileUpload photo) {
        long caller = Caller.id(authentication);
        // The owner is checked before the image is read, so nobody else makes the server decode one.
        long group = settings.requireOwnedGroup(caller, groupId(id)).id();
        return info(caller, settings.setPhoto(caller, group, Uploads.photo(files, photo)));
    }

    /** Takes the group's photo away (owner only); a group without one is fine. */
    @Delete("/{id}/photo")
    ChatInfo removePhoto(Authentication authentication, String id) {
        long caller = Caller.id(authentication);
        return info(caller, settings.removePhoto(caller, groupId(id)));
    }

    /**
     * The caller leaves the group. The owner cannot while others remain (409
     * {@code owner_cannot_leave}); the owner leaving alone deletes the group.
     */
    @Post("/{id}/leave")
    StatusResponse leave(Authentication authentication, String id) {
        membership.leave(Caller.id(authentication), groupId(id));
        return StatusResponse.ok();
    }

    /** Hands the group to another member (owner only); the former owner stays a member. */
    @Post("/{id}/owner")
    ChatInfo transferOwnership(Authentication authentication, String id, @Body @Nullable OwnerRequest request) {
        long caller = Caller.id(authentication);
        Chat group = membership.transferOwnership(
                caller, groupId(id), IdRefs.require(request == null ? null : request.userId(), "user_id"));
        return info(caller, group);
    }

    /** The group's photo; members only. */
    @Get("/{id}/photo")
    MutableHttpResponse<?> photo(Authentication authentication, String id, HttpRequest<?> request) {
        StoredFile file = chats.groupPhoto(Caller.id(authentication), IdRefs.parse(id, "id"));
        return FileResponses.serve(request, files.pathOf(file), file);
    }

    private ChatInfo info(long caller, Chat group) {
        return V1Views.info(group, chats.memberAccounts(caller, group.id()), caller);
    }

    private long groupId(String raw) {
        return chats.getGroup(IdRefs.parse(raw, "id")).id();
    }

    private static GroupCreatedResponse created(Chat group) {
        return new GroupCreatedResponse(
                "ok", new GroupCreatedResponse.GroupSummary(group.id(), group.uuid(), group.name()));
    }
}
