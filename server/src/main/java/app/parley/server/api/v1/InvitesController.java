package app.parley.server.api.v1;

import app.parley.model.common.StatusResponse;
import app.parley.model.invite.Invite;
import app.parley.model.invite.InviteAccepted;
import app.parley.model.invite.InviteLink;
import app.parley.model.invite.InviteList;
import app.parley.model.invite.InvitePreview;
import app.parley.model.invite.InviteRequest;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.common.PublicAddress;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.invites.Accepted;
import app.parley.server.invites.InviteDetails;
import app.parley.server.invites.InvitePreviewDetails;
import app.parley.server.invites.InviteService;
import app.parley.server.invites.InviteWebLinks;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Invite links to groups: create and list (members), revoke (maker or owner), preview and
 * accept (anyone holding the token).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "invites")
class InvitesController {
    private final InviteService invites;
    private final ChatService chats;
    private final InviteWebLinks webLinks;

    InvitesController(InviteService invites, ChatService chats, InviteWebLinks webLinks) {
        this.invites = invites;
        this.chats = chats;
        this.webLinks = webLinks;
    }

    /** A new invite to a group; the body (optional) sets an expiry and a use limit. */
    @Post("/chats/{chatId}/invites{/}")
    HttpResponse<Invite> create(
            Authentication authentication, String chatId, @Body @Nullable InviteRequest request, HttpRequest<?> http) {
        InviteDetails created =
                invites.create(Caller.id(authentication), chats.get(chatId).id(), request);
        return HttpResponse.created(view(created, http));
    }

    /** The group's invites: all of them for the owner, the caller's own for other members. */
    @Get("/chats/{chatId}/invites{/}")
    InviteList forChat(Authentication authentication, String chatId, HttpRequest<?> http) {
        return list(
                invites.listForChat(Caller.id(authentication), chats.get(chatId).id()), http);
    }

    /** Every invite the caller made. */
    @Get("/invites{/}")
    InviteList own(Authentication authentication, HttpRequest<?> http) {
        return list(invites.listOwn(Caller.id(authentication)), http);
    }

    /** Revokes an invite by id or UUID. */
    @Delete("/invites/{inviteId}{/}")
    StatusResponse revoke(Authentication authentication, String inviteId) {
        invites.revoke(Caller.id(authentication), IdRefs.parse(inviteId, "invite_id"));
        return StatusResponse.ok();
    }

    /** What a token leads to (group, inviter, state), before joining. */
    @Get("/invites/{token}/preview{/}")
    InvitePreview preview(Authentication authentication, String token) {
        InvitePreviewDetails found = invites.preview(Caller.id(authentication), token);
        InviteDetails details = found.details();
        return new InvitePreview(
                details.chat().id(),
                details.chat().uuid(),
                details.chat().name(),
                details.chat().description(),
                (int) found.memberCount(),
                details.inviter().toRef(),
                details.invite().expiresAt(),
                details.state().wireName(),
                found.alreadyMember());
    }

    /** Joins the invite's group. */
    @Post("/invites/{token}/accept{/}")
    InviteAccepted accept(Authentication authentication, String token, HttpRequest<?> http) {
        return accepted(invites.accept(Caller.id(authentication), token, ClientAddress.of(http)));
    }

    /** The same, with the token or a whole link (either form) in the body: {@code {"token": …}} or {@code {"link": …}}. */
    @Post("/invites/accept{/}")
    InviteAccepted acceptBody(
            Authentication authentication, @Body @Nullable AcceptRequest request, HttpRequest<?> http) {
        String given = request == null ? null : request.token() != null ? request.token() : request.link();
        String token = InviteLink.tokenOf(given)
                .orElseThrow(
                        () -> new InvalidInputException("token", "token (or link) must be an invite token or link"));
        return accepted(invites.accept(Caller.id(authentication), token, ClientAddress.of(http)));
    }

    record AcceptRequest(@Nullable String token, @Nullable String link) {}

    private static InviteAccepted accepted(Accepted accepted) {
        var chat = accepted.chat();
        return new InviteAccepted("ok", chat.id(), chat.uuid(), chat.name(), chat.roomName(), accepted.joined());
    }

    private InviteList list(List<InviteDetails> found, HttpRequest<?> http) {
        return new InviteList(found.stream().map(details -> view(details, http)).toList());
    }

    Invite view(InviteDetails details, HttpRequest<?> http) {
        var invite = details.invite();
        return new Invite(
                invite.id(),
                invite.uuid(),
                invite.token(),
                invite.chatId(),
                details.chat().name(),
                details.inviter().toRef(),
                invite.createdAt(),
                invite.expiresAt(),
                invite.maxUses(),
                invite.uses(),
                invite.revokedAt() != null,
                details.state().wireName(),
                InviteLink.appLink(invite.token()),
                webLinks.of(PublicAddress.http(http), invite.token()));
    }
}
