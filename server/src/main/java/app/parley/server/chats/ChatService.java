package app.parley.server.chats;

import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatType;
import app.parley.model.common.IdRef;
import app.parley.model.event.ChatDeletedEvent;
import app.parley.model.event.CloseCodes;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.common.ByReference;
import app.parley.server.common.IdRefs;
import app.parley.server.common.TextLimits;
import app.parley.server.common.WriteLocks;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.files.FileService;
import app.parley.server.files.PreparedFile;
import app.parley.server.files.StoredFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Chats and groups and who belongs to them: creating, finding, listing and deleting chats, and
 * the rule every feature asks about (only members see a chat). Changing a group's members is
 * {@link GroupMembership}'s.
 */
@Singleton
public class ChatService {
    private final ChatRepository chats;
    private final ByReference<Chat> chatsByReference;
    private final ByReference<Chat> groupsByReference;
    private final ChatMemberRepository members;
    private final AccountService accounts;
    private final FileService files;
    private final RealtimeEvents events;
    private final ParleyLimits limits;
    private final Clock clock;
    private final WriteLocks writeLocks;

    public ChatService(
            ChatRepository chats,
            ChatMemberRepository members,
            AccountService accounts,
            FileService files,
            RealtimeEvents events,
            ParleyLimits limits,
            Clock clock,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.files = files;
        this.events = events;
        this.chats = chats;
        this.chatsByReference = new ByReference<>("chat", chats::findById, chats::findByUuid);
        this.groupsByReference = new ByReference<>(
                "group",
                id -> chats.findById(id).filter(Chat::isGroup),
                uuid -> chats.findByUuid(uuid).filter(Chat::isGroup));
        this.members = members;
        this.accounts = accounts;
        this.limits = limits;
        this.clock = clock;
    }

    /** A chat by integer id, UUID or seed 001 room name. */
    public Chat get(String reference) {
        // Seed 001 quirk (room names): see docs/api.md, "Seed quirks in the canonical code".
        if (reference != null && (reference.startsWith("private_") || reference.startsWith("group_"))) {
            return byRoomName(reference);
        }
        IdRef ref;
        try {
            ref = IdRefs.parse(reference, "chat_id");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    "chat_id",
                    "chat_id must be a chat's id, UUID or room name (private_1_2, group_3), got '"
                            + (reference == null
                                    ? ""
                                    : reference.length() <= 40 ? reference : reference.substring(0, 40) + "…")
                            + "'");
        }
        return get(ref);
    }

    /** A group by id or UUID; anything else (a private chat included) is not a group: 404. */
    public Chat getGroup(IdRef ref) {
        return groupsByReference.get(ref);
    }

    public Chat get(IdRef ref) {
        return chatsByReference.get(ref);
    }

    /** The chat, if the caller is one of its members; 404 if it does not exist, 403 if not a member. */
    public Chat requireMember(long chatId, long callerId) {
        return requireMember(new IdRef.Numeric(chatId), callerId);
    }

    /** The chat a reference names (id or UUID), if the caller is one of its members; 404, else 403. */
    public Chat requireMember(IdRef ref, long callerId) {
        Chat chat = get(ref);
        requireMembership(chat, callerId);
        return chat;
    }

    /** The same for a reference as a client wrote it, a seed 001 room name included. */
    public Chat requireMember(String reference, long callerId) {
        Chat chat = get(reference);
        requireMembership(chat, callerId);
        return chat;
    }

    /** A group's photo, for its members only; 404 {@code photo_not_found} when it has none. */
    public StoredFile groupPhoto(long callerId, IdRef groupRef) {
        Chat group = getGroup(groupRef);
        requireMembership(group, callerId);
        if (group.photoFileId() == null) {
            throw new NotFoundException("photo_not_found", "group " + group.id() + " has no photo");
        }
        return files.get(group.photoFileId());
    }

    public ChatMember requireMembership(Chat chat, long callerId) {
        return members.findByChatIdAndUserId(chat.id(), callerId)
                .orElseThrow(() -> new ForbiddenException("not_a_member", "you are not a member of chat " + chat.id()));
    }

    /** A private chat, and whether this call created it. */
    public record PrivateChat(Chat chat, boolean created) {}

    /** The private chat of the caller and another user, created on first use; one per pair, always. */
    @Transactional
    public PrivateChat getOrCreatePrivate(long callerId, IdRef otherRef) {
        Account other = requireExistingUser(otherRef, "user_id");
        if (other.id() == callerId) {
            throw new InvalidInputException("user_id", "a private chat needs another user than yourself");
        }
        String pairKey = Chat.pairKey(callerId, other.id());
        writeLocks.exclusive("private-chat:" + pairKey);
        Optional<Chat> existing = chats.findByPairKey(pairKey);
        if (existing.isPresent()) {
            return new PrivateChat(existing.get(), false);
        }
        // Concurrent creations for the pair queue at the lock above and see each other's row.
        Chat chat = chats.save(new Chat(
                null,
                UUID.randomUUID().toString(),
                ChatType.PRIVATE.wireName(),
                "",
                "",
                null,
                null,
                pairKey,
                null,
                clock.instant()));
        members.save(ChatMember.joining(chat, callerId, ChatMember.MEMBER, clock.instant()));
        members.save(ChatMember.joining(chat, other.id(), ChatMember.MEMBER, clock.instant()));
        Account caller = accounts.requireCaller(callerId);
        // Each side sees the chat under the other's name.
        events.toInbox(callerId, chat.createdEvent(other.name()));
        events.toInbox(other.id(), chat.createdEvent(caller.name()));
        return new PrivateChat(chat, true);
    }

    /** The private chat of the caller and another user, if they have one (nothing is created). */
    public Optional<Chat> findPrivate(long callerId, long otherId) {
        return chats.findByPairKey(Chat.pairKey(callerId, otherId));
    }

    /** A new group owned by the caller, with the given users as its first members and an optional photo. */
    @Transactional
    public Chat createGroup(
            long callerId, String name, String description, List<UserRef> users, @Nullable PreparedFile photo) {
        String groupName = TextLimits.requireName("name", name, limits.chatNameMax());
        String groupDescription = TextLimits.requireDescription("description", description, limits.descriptionMax());
        Set<Long> memberIds = accounts.requireIds(users == null ? List.of() : users, "users");
        memberIds.remove(callerId);
        if (memberIds.size() + 1 > limits.groupMembersMax()) {
            throw new InvalidInputException("users", "a group has at most " + limits.groupMembersMax() + " members");
        }
        Long photoFileId =
                photo == null ? null : files.savePhoto(callerId, photo).id();
        Chat group = chats.save(new Chat(
                null,
                UUID.randomUUID().toString(),
                ChatType.GROUP.wireName(),
                groupName,
                groupDescription,
                callerId,
                photoFileId,
                null,
                null,
                clock.instant()));
        members.save(ChatMember.joining(group, callerId, ChatMember.OWNER, clock.instant()));
        for (long memberId : memberIds) {
            members.save(ChatMember.joining(group, memberId, ChatMember.MEMBER, clock.instant()));
        }
        events.toInbox(callerId, group.createdEvent(group.name()));
        for (long memberId : memberIds) {
            events.toInbox(memberId, group.createdEvent(group.name()));
        }
        return group;
    }

    /**
     * Deletes a chat with its messages and read state. A group only by its owner; a private
     * chat by either of its two members.
     */
    @Transactional
    public Chat delete(long callerId, long chatId) {
        Chat chat = requireMember(chatId, callerId);
        if (chat.isGroup() && !isOwner(chat, callerId)) {
            throw new ForbiddenException("not_the_owner", "only the owner can delete group " + chat.id());
        }
        List<Long> formerMembers = memberIds(chat.id());
        files.deleteChatFiles(chat.id(), chat.photoFileId());
        chats.delete(chat);
        ChatDeletedEvent deleted = ChatDeletedEvent.of(chat.id());
        for (long memberId : formerMembers) {
            events.toInbox(memberId, deleted);
        }
        events.closeRoom(chat.id(), deleted, CloseCodes.CHAT_DELETED, "the chat was deleted");
        return chat;
    }

    /** Deletes a group (owner only). A private chat is not a group: it is not found here. */
    @Transactional
    public Chat deleteGroup(long callerId, long groupId) {
        requireGroup(groupId);
        return delete(callerId, groupId);
    }

    /** The group with the given id, which must be a group (a private chat is refused). */
    public Chat requireGroup(long groupId) {
        Chat chat = chats.findById(groupId)
                .orElseThrow(() -> new NotFoundException("group_not_found", "group " + groupId + " does not exist"));
        if (!chat.isGroup()) {
            throw new NotFoundException("group_not_found", "chat " + groupId + " is a private chat, not a group");
        }
        return chat;
    }

    /** Members of a chat, in the order they joined; only members may ask. */
    public List<Account> memberAccounts(long callerId, long chatId) {
        requireMember(chatId, callerId);
        return memberAccountsOf(chatId);
    }

    public List<Account> memberAccountsOf(long chatId) {
        List<Long> ids = members.findByChatIdOrderById(chatId).stream()
                .map(ChatMember::userId)
                .toList();
        Map<Long, Account> byId = accounts.byIds(ids);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Every member's row of a chat, with their read state. */
    public List<ChatMember> membersOf(long chatId) {
        return members.findByChatIdOrderById(chatId);
    }

    public List<Long> memberIds(long chatId) {
        return members.findByChatIdOrderById(chatId).stream()
                .map(ChatMember::userId)
                .toList();
    }

    /** The caller's chat list, most recently active first. */
    public List<RoomRow> rooms(long callerId, int limit, int offset) {
        return members.findRooms(callerId, 0, limit, offset);
    }

    /** One chat as it appears in the caller's list. */
    public RoomRow room(long callerId, long chatId) {
        requireMember(chatId, callerId);
        return members.findRooms(callerId, chatId, 1, 0).getFirst();
    }

    public boolean isMember(long chatId, long userId) {
        return members.existsByChatIdAndUserId(chatId, userId);
    }

    public long memberCount(long chatId) {
        return members.countByChatId(chatId);
    }

    public boolean isOwner(Chat chat, long userId) {
        return chat.ownerId() != null && chat.ownerId() == userId;
    }

    private Chat byRoomName(String roomName) {
        if (roomName.startsWith("group_")) {
            Chat chat = get(IdRefs.parse(roomName.substring("group_".length()), "room_name"));
            if (!chat.isGroup()) {
                throw chatNotFound(roomName);
            }
            return chat;
        }
        String pair = roomName.substring("private_".length()).replace('_', ':');
        return chats.findByPairKey(pair).orElseThrow(() -> chatNotFound(roomName));
    }

    private Account requireExistingUser(IdRef ref, String field) {
        try {
            return accounts.get(ref);
        } catch (NotFoundException e) {
            // Seed 002 quirk (400 for an unknown user): see docs/api.md, "Seed quirks in the canonical code".
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    private NotFoundException chatNotFound(String reference) {
        return chatsByReference.notFound(reference);
    }
}
