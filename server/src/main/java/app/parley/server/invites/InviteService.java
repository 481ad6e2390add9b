package app.parley.server.invites;

import app.parley.model.common.IdRef;
import app.parley.model.invite.InviteRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatService;
import app.parley.server.chats.GroupMembership;
import app.parley.server.common.ByReference;
import app.parley.server.common.WriteLocks;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.GoneException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.ratelimits.ClientAddress;
import app.parley.server.ratelimits.RateLimits;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invite links to groups. Any member may invite; an invite is revoked by whoever made it or by
 * the group's owner. Accepting adds the caller once: a second accept changes nothing, and a dead
 * invite (expired, used up, revoked) admits nobody.
 */
@Singleton
public class InviteService {
    private final InviteRepository invites;
    private final ByReference<Invite> byReference;
    private final InviteTokens tokens;
    private final ChatService chats;
    private final GroupMembership membership;
    private final AccountService accounts;
    private final InviteSettings settings;
    private final Clock clock;

    private final RateLimits rateLimits;
    private final WriteLocks writeLocks;

    public InviteService(
            InviteRepository invites,
            InviteTokens tokens,
            ChatService chats,
            GroupMembership membership,
            AccountService accounts,
            InviteSettings settings,
            Clock clock,
            RateLimits rateLimits,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.rateLimits = rateLimits;
        this.invites = invites;
        this.byReference = new ByReference<>("invite", invites::findById, invites::findByUuid);
        this.tokens = tokens;
        this.chats = chats;
        this.membership = membership;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new invite to a group the caller is a member of. */
    @Transactional
    public InviteDetails create(long callerId, long chatId, InviteRequest request) {
        Chat chat = chats.requireMember(chatId, callerId);
        rateLimits.invite(callerId);
        if (!chat.isGroup()) {
            throw new InvalidInputException(
                    "chat_id", "invites are for groups; a private chat always has exactly its two members");
        }
        InviteRequest asked = request == null ? new InviteRequest(null, null, null) : request;
        Instant now = clock.instant();
        Instant expiresAt = expiryOf(asked, now);
        Integer maxUses = asked.maxUses();
        if (maxUses != null && (maxUses < 1 || maxUses > settings.maxUsesLimit())) {
            throw new InvalidInputException("max_uses", "max_uses must be between 1 and " + settings.maxUsesLimit());
        }
        Invite invite = invites.save(new Invite(
                null,
                UUID.randomUUID().toString(),
                tokens.next(),
                chat.id(),
                callerId,
                now,
                expiresAt,
                maxUses,
                0,
                null));
        return details(invite, chat, accounts.requireCaller(callerId), now);
    }

    /** A group's invites: all of them for its owner, a member's own for anyone else. */
    public List<InviteDetails> listForChat(long callerId, long chatId) {
        Chat chat = chats.requireMember(chatId, callerId);
        List<Invite> found = chats.isOwner(chat, callerId)
                ? invites.findByChatIdOrderByIdDesc(chat.id())
                : invites.findByChatIdAndInviterIdOrderByIdDesc(chat.id(), callerId);
        return describe(found);
    }

    /** Every invite the caller made, newest first. */
    public List<InviteDetails> listOwn(long callerId) {
        return describe(invites.findByInviterIdOrderByIdDesc(callerId));
    }

    /** Revokes an invite (its maker or the group's owner); revoking twice is the same as once. */
    @Transactional
    public InviteDetails revoke(long callerId, IdRef reference) {
        Invite invite = byReference.get(reference);
        Chat chat = chats.get(new IdRef.Numeric(invite.chatId()));
        if (invite.inviterId() != callerId && !chats.isOwner(chat, callerId)) {
            throw new ForbiddenException(
                    "not_the_inviter",
                    "only the member who made invite " + reference.display() + " or the group's owner can revoke it");
        }
        Instant now = clock.instant();
        invites.revoke(invite.id(), now);
        return details(invites.findById(invite.id()).orElseThrow(), chat, accountOf(invite.inviterId()), now);
    }

    /** What a token leads to, for the holder to decide whether to join; dead invites say why. */
    public InvitePreviewDetails preview(long callerId, String token) {
        InvitePreviewDetails preview = previewForAnyone(token);
        return new InvitePreviewDetails(
                preview.details(),
                preview.memberCount(),
                chats.isMember(preview.details().chat().id(), callerId));
    }

    /** The same for someone not signed in (the invite web page): the token is the permission. */
    public InvitePreviewDetails previewForAnyone(String token) {
        Invite invite = byToken(token);
        Chat chat = chats.get(new IdRef.Numeric(invite.chatId()));
        return new InvitePreviewDetails(
                details(invite, chat, accountOf(invite.inviterId()), clock.instant()),
                chats.memberCount(chat.id()),
                false);
    }

    /**
     * Joins the caller to the invite's group. Already a member: nothing changes and no use is
     * counted. Otherwise a dead invite is refused (410) and a live one admits and counts a use;
     * the members hear of the newcomer in realtime.
     */
    @Transactional
    public Accepted accept(long callerId, String token, ClientAddress from) {
        rateLimits.inviteAcceptance(callerId, from);
        // Uses are counted one acceptance at a time: read again once it is this one's turn.
        writeLocks.exclusive("invite:" + byToken(token).id());
        Invite invite = byToken(token);
        Chat chat = chats.get(new IdRef.Numeric(invite.chatId()));
        if (chats.isMember(chat.id(), callerId)) {
            return new Accepted(chat, false);
        }
        requireActive(invite);
        accounts.requireCaller(callerId);
        membership.joinByInvite(chat.id(), callerId);
        invites.countUse(invite.id());
        return new Accepted(chat, true);
    }

    /** Refuses a token that names no invite, or a dead one (410, saying why), as accepting it would. */
    public void requireUsable(String token) {
        requireActive(byToken(token));
    }

    private void requireActive(Invite invite) {
        switch (stateOf(invite)) {
            case ACTIVE -> {}
            case EXPIRED -> throw new GoneException("invite_expired", "this invite expired at " + invite.expiresAt());
            case REVOKED ->
                throw new GoneException(
                        "invite_revoked",
                        invite.revokedAt() == null
                                ? "this invite stopped working when the member who made it left the group"
                                : "this invite was revoked");
            case USED_UP ->
                throw new GoneException(
                        "invite_used_up", "this invite has been used its " + invite.maxUses() + " times");
        }
    }

    private Instant expiryOf(InviteRequest request, Instant now) {
        if (request.expiresInSeconds() != null && request.expiresAt() != null) {
            throw new InvalidInputException("expires_at", "give expires_in_seconds or expires_at, not both");
        }
        Instant latest = now.plus(settings.maxLifetime());
        if (request.expiresInSeconds() != null) {
            long seconds = request.expiresInSeconds();
            if (seconds < 1 || seconds > settings.maxLifetime().toSeconds()) {
                throw new InvalidInputException(
                        "expires_in_seconds",
                        "expires_in_seconds must be between 1 and "
                                + settings.maxLifetime().toSeconds());
            }
            return now.plus(Duration.ofSeconds(seconds));
        }
        if (request.expiresAt() != null) {
            if (!request.expiresAt().isAfter(now) || request.expiresAt().isAfter(latest)) {
                throw new InvalidInputException(
                        "expires_at", "expires_at must be in the future and no later than " + latest);
            }
            return request.expiresAt();
        }
        return null;
    }

    private List<InviteDetails> describe(List<Invite> found) {
        Instant now = clock.instant();
        Map<Long, Account> inviters =
                accounts.byIds(found.stream().map(Invite::inviterId).distinct().toList());
        List<InviteDetails> described = new ArrayList<>();
        for (Invite invite : found) {
            Chat chat = chats.get(new IdRef.Numeric(invite.chatId()));
            described.add(details(invite, chat, inviters.get(invite.inviterId()), now));
        }
        return described;
    }

    private InviteDetails details(Invite invite, Chat chat, Account inviter, Instant now) {
        return new InviteDetails(invite, chat, inviter, stateOf(invite, now));
    }

    private InviteState stateOf(Invite invite) {
        return stateOf(invite, clock.instant());
    }

    /** An invite's own state, and revoked once its maker is no longer in the group (left or removed by the owner). */
    private InviteState stateOf(Invite invite, Instant now) {
        InviteState own = invite.stateAt(now);
        return own == InviteState.ACTIVE && !chats.isMember(invite.chatId(), invite.inviterId())
                ? InviteState.REVOKED
                : own;
    }

    private Account accountOf(long userId) {
        return accounts.get(new IdRef.Numeric(userId));
    }

    private Invite byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new InvalidInputException("token", "token is required: the last part of the invite link");
        }
        return invites.findByToken(token.strip()).orElseThrow(() -> byReference.notFound("with this token"));
    }
}
