package app.parley.server.chats;

import app.parley.model.account.UserRef;
import app.parley.model.event.CloseCodes;
import app.parley.model.event.MembersChangedEvent;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
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
 * Who is in a group once it exists: the owner adds and removes members, an invite lets one in.
 * Each change is all or nothing, and the room, the members and the newcomers or leavers hear of it.
 */
@Singleton
public class GroupMembership {
    private final ChatService chats;
    private final ChatMemberRepository members;
    private final AccountService accounts;
    private final RealtimeEvents events;
    private final ParleyLimits limits;
    private final Clock clock;

    public GroupMembership(
            ChatService chats,
            ChatMemberRepository members,
            AccountService accounts,
            RealtimeEvents events,
            ParleyLimits limits,
            Clock clock) {
        this.chats = chats;
        this.members = members;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /** Adds users to a group (owner only). All or nothing: one existing member refuses the lot. */
    @Transactional
    public List<Long> addMembers(long callerId, long groupId, List<UserRef> users) {
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
        Chat group = chats.requireGroup(groupId);
        if (members.existsByChatIdAndUserId(group.id(), userId)) {
            return false;
        }
        admit(group, Set.of(userId), "token");
        return true;
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
        for (long id : ids) {
            members.deleteByChatIdAndUserId(group.id(), id);
        }
        MembersChangedEvent removed = MembersChangedEvent.removed(group.id(), refs(ids));
        for (long memberId : chats.memberIds(group.id())) {
            events.toInbox(memberId, removed);
        }
        for (long id : ids) {
            events.toInbox(id, removed);
            events.closeRoomMember(group.id(), id, removed, CloseCodes.FORBIDDEN, "removed from the chat");
        }
        events.toRoom(group.id(), removed);
        return List.copyOf(ids);
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
