package app.parley.server.chats;

import app.parley.model.account.UserRef;
import app.parley.model.common.IdRef;
import app.parley.model.event.CloseCodes;
import app.parley.model.event.MembersChangedEvent;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.WriteLocks;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.events.RealtimeEvents;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is in a group once it exists: the owner adds and removes members and hands the group over,
 * an invite lets one in, a member leaves.
 * Each change is all or nothing, and the room, the members and the newcomers or leavers hear of it.
 */
@Singleton
public class GroupMembership {
    private final ChatService chats;
    private final ChatMemberRepository members;
    private final ChatRepository chatRepository;
    private final GroupSettings settings;
    private final AccountService accounts;
    private final RealtimeEvents events;
    private final ParleyLimits limits;
    private final Clock clock;
    private final WriteLocks writeLocks;

    public GroupMembership(
            ChatService chats,
            ChatMemberRepository members,
            ChatRepository chatRepository,
            GroupSettings settings,
            AccountService accounts,
            RealtimeEvents events,
            ParleyLimits limits,
            Clock clock,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.chats = chats;
        this.members = members;
        this.chatRepository = chatRepository;
        this.settings = settings;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /** Adds users to a group (owner only). All or nothing: one existing member refuses the lot. */
    @Transactional
    public List<Long> addMembers(long callerId, long groupId, List<UserRef> users) {
        writeLocks.exclusive(membersLock(groupId));
        Chat group = requireOwnedGroup(groupId, callerId);
        Set<Long> ids = requireNonEmpty(users);
        for (long id : ids) {
            if (members.existsByChatIdAndUserId(group.id(), id)) {
                throw new ConflictException(
                        "already_a_member", "user " + id + " is already a member of group " + group.id());
            }
        }
        admit(group, ids, "users");
        return List.copyOf(ids);
    }

    /**
     * Adds the caller to a group they were invited to; false if they are already a member. The
     * invite itself is checked by the invites feature, which calls this in its transaction.
     */
    @Transactional
    public boolean joinByInvite(long groupId, long userId) {
        writeLocks.exclusive(membersLock(groupId));
        Chat group = chats.requireGroup(groupId);
        if (members.existsByChatIdAndUserId(group.id(), userId)) {
            return false;
        }
        admit(group, Set.of(userId), "token");
        return true;
    }

    /** Who joins a group, and whether it is full, is decided one change at a time. */
    private static String membersLock(long groupId) {
        return "group-members:" + groupId;
    }

    /** New members join; the room and every member hear of it (the newcomers as a chat they now have). */
    private void admit(Chat group, Set<Long> ids, String field) {
        if (members.countByChatId(group.id()) + ids.size() > limits.groupMembersMax()) {
            throw new ConflictException(
                    "group_full",
                    "group " + group.id() + " already has the most members allowed (" + limits.groupMembersMax() + ")");
        }
        for (long id : ids) {
            members.save(ChatMember.joining(group, id, ChatMember.MEMBER, clock.instant()));
        }
        MembersChangedEvent added = MembersChangedEvent.added(group.id(), refs(ids));
        events.toRoom(group.id(), added);
        for (long memberId : chats.memberIds(group.id())) {
            events.toInbox(memberId, ids.contains(memberId) ? group.createdEvent(group.name()) : added);
        }
    }

    /** Removes users from a group (owner only). All or nothing: one non-member refuses the lot. */
    @Transactional
    public List<Long> removeMembers(long callerId, long groupId, List<UserRef> users) {
        Chat group = requireOwnedGroup(groupId, callerId);
        Set<Long> ids = requireNonEmpty(users);
        for (long id : ids) {
            if (id == callerId) {
                throw new InvalidInputException(
                        "users", "the owner cannot be removed from the group; delete the group instead");
            }
            if (!members.existsByChatIdAndUserId(group.id(), id)) {
                throw new ConflictException(
                        "user_not_a_member", "user " + id + " is not a member of group " + group.id());
            }
        }
        depart(group, ids, "removed from the chat");
        return List.copyOf(ids);
    }

    /**
     * The caller leaves a group, as if the owner had removed them. The owner cannot leave while
     * others remain (409 {@code owner_cannot_leave}): they hand the group over or delete it. An
     * owner who is the last member leaving deletes the group, since nobody could ever use it again.
     *
     * @return true if the group was deleted because its last member left
     */
    @Transactional
    public boolean leave(long callerId, long groupId) {
        Chat group = chats.requireGroup(groupId);
        chats.requireMembership(group, callerId);
        if (chats.isOwner(group, callerId)) {
            if (members.countByChatId(group.id()) > 1) {
                throw new ConflictException(
                        "owner_cannot_leave",
                        "the owner cannot leave group " + group.id()
                                + " while others are in it: make another member the owner, or delete the group");
            }
            chats.delete(callerId, group.id());
            return true;
        }
        depart(group, Set.of(callerId), "left the chat");
        return false;
    }

    /**
     * Hands the group to another member (owner only). The former owner stays as a member; every
     * member and socket hears of it through {@code chat_updated}'s {@code owner_id}.
     */
    @Transactional
    public Chat transferOwnership(long callerId, long groupId, IdRef newOwnerRef) {
        Chat group = requireOwnedGroup(groupId, callerId);
        long newOwnerId = accounts.get(newOwnerRef).id();
        if (newOwnerId == callerId) {
            throw new InvalidInputException("user_id", "you already own group " + group.id());
        }
        if (!members.existsByChatIdAndUserId(group.id(), newOwnerId)) {
            throw new ConflictException(
                    "user_not_a_member", "user " + newOwnerId + " is not a member of group " + group.id());
        }
        chatRepository.setOwner(group.id(), newOwnerId);
        members.setRole(group.id(), callerId, ChatMember.MEMBER);
        members.setRole(group.id(), newOwnerId, ChatMember.OWNER);
        return settings.announce(group.id());
    }

    /** Members go: everyone hears of it, the leavers on their main sockets too, and their chat sockets close. */
    private void depart(Chat group, Set<Long> ids, String reason) {
        for (long id : ids) {
            members.deleteByChatIdAndUserId(group.id(), id);
        }
        MembersChangedEvent removed = MembersChangedEvent.removed(group.id(), refs(ids));
        for (long memberId : chats.memberIds(group.id())) {
            events.toInbox(memberId, removed);
        }
        for (long id : ids) {
            events.toInbox(id, removed);
            events.closeRoomMember(group.id(), id, removed, CloseCodes.FORBIDDEN, reason);
        }
        events.toRoom(group.id(), removed);
    }

    private List<UserRef> refs(Set<Long> ids) {
        Map<Long, Account> byId = accounts.byIds(List.copyOf(ids));
        return ids.stream()
                .map(byId::get)
                .filter(Objects::nonNull)
                .map(Account::toRef)
                .toList();
    }

    private Chat requireOwnedGroup(long groupId, long callerId) {
        Chat group = chats.requireGroup(groupId);
        if (!chats.isOwner(group, callerId)) {
            throw new ForbiddenException("not_the_owner", "only the owner of group " + group.id() + " can do this");
        }
        return group;
    }

    private Set<Long> requireNonEmpty(List<UserRef> users) {
        if (users == null || users.isEmpty()) {
            throw new InvalidInputException("users", "users must list at least one user");
        }
        return accounts.requireIds(users, "users");
    }
}
