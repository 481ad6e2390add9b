package app.parley.server.messages;

import app.parley.model.common.IdRef;
import app.parley.model.common.IdValue;
import app.parley.model.event.EventTypes;
import app.parley.model.event.MentionCountEvent;
import app.parley.model.event.MessageDeletedEvent;
import app.parley.model.event.ReadEvent;
import app.parley.model.file.Attachment;
import app.parley.model.message.EditMessageRequest;
import app.parley.model.message.Message;
import app.parley.model.message.MessageVersions;
import app.parley.model.message.ReadPositions;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.attachments.ChatFileService;
import app.parley.server.chats.Chat;
import app.parley.server.chats.ChatMember;
import app.parley.server.chats.ChatService;
import app.parley.server.common.ByReference;
import app.parley.server.common.GroupCommit;
import app.parley.server.common.IdRefs;
import app.parley.server.common.Paging;
import app.parley.server.common.TransactionHooks;
import app.parley.server.common.WriteLocks;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.ConflictException;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.files.StoredFile;
import app.parley.server.files.Upload;
import app.parley.server.mentions.Mentions;
import app.parley.server.ratelimits.RateLimits;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Messages and read state: send, history, edit, delete, search, unread counts, mark read. Only
 * members read or write a chat; only the author edits or deletes a message.
 */
@Singleton
public class MessageService {
    private final MessageRepository messages;
    private final ByReference<MessageRow> rows;
    private final ReadStateRepository readState;
    private final MessageSearch search;
    private final ChatService chats;
    private final AccountService accounts;
    private final RealtimeEvents events;
    private final ChatFileService files;
    private final MessageViews views;
    private final Mentions mentions;
    private final ApplicationEventPublisher<MessagePosted> posted;
    private final DeliveredPositions delivered;
    private final ParleyLimits limits;
    private final Clock clock;

    private final RateLimits rateLimits;
    private final GroupCommit groupCommit;
    private final TransactionHooks hooks;
    private final WriteLocks writeLocks;

    public MessageService(
            MessageRepository messages,
            ReadStateRepository readState,
            MessageSearch search,
            ChatService chats,
            AccountService accounts,
            RealtimeEvents events,
            ChatFileService files,
            MessageViews views,
            Mentions mentions,
            ApplicationEventPublisher<MessagePosted> posted,
            DeliveredPositions delivered,
            ParleyLimits limits,
            Clock clock,
            RateLimits rateLimits,
            GroupCommit groupCommit,
            TransactionHooks hooks,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.rateLimits = rateLimits;
        this.groupCommit = groupCommit;
        this.hooks = hooks;
        this.posted = posted;
        this.delivered = delivered;
        this.files = files;
        this.views = views;
        this.mentions = mentions;
        this.messages = messages;
        this.rows = new ByReference<>("message", messages::findRow, messages::findRowByUuid);
        this.readState = readState;
        this.search = search;
        this.chats = chats;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Posts a message and, once stored, delivers it to the chat's sockets and every member's main
     * sockets. A resend with the same {@code client_msg_id} returns the message stored the first
     * time instead of a duplicate, and delivers nothing again; if that message has been deleted,
     * the resend is refused ({@code 409 message_deleted}) rather than bring it back. A message may carry files the
     * sender uploaded into the chat; with files, its text may be empty.
     *
     * <p>Messages sent at the same time are stored in one transaction ({@link GroupCommit}); one
     * refused fails alone. When more arrive than the server can store promptly, the send is refused
     * with {@code 429 slow_down} and nothing is stored.
     */
    public SentMessage send(long callerId, long chatId, SendMessageRequest request) {
        return send(callerId, chatId, request, System.nanoTime());
    }

    /** The same for a message that reached the server at {@code receivedNanos} and waited since (on its socket). */
    public SentMessage send(long callerId, long chatId, SendMessageRequest request, long receivedNanos) {
        return groupCommit.write(() -> store(callerId, chatId, request), receivedNanos);
    }

    private SentMessage store(long callerId, long chatId, SendMessageRequest request) {
        Chat chat = chats.requireMember(chatId, callerId);
        rateLimits.message(callerId);
        // A message not stored (refused, or its batch rolled back and tried again) does not count.
        hooks.afterRollback(() -> rateLimits.messageNotStored(callerId));
        if (request == null) {
            throw new InvalidInputException("text", "a JSON body with the message text is required");
        }
        String text = request.text() == null ? "" : request.text();
        if (text.codePointCount(0, text.length()) > limits.messageMax()) {
            throw new InvalidInputException("text", "text must be at most " + limits.messageMax() + " characters long");
        }
        String clientMsgId = request.clientMsgId();
        if (clientMsgId != null && (clientMsgId.isBlank() || clientMsgId.length() > 100)) {
            throw new InvalidInputException("client_msg_id", "client_msg_id must be 1 to 100 characters long");
        }
        // One send in a chat at a time, from here to the commit: the ids of a chat's messages grow
        // in the order they commit (a client that has message N has every earlier one), its newest
        // message is the last one written, and a client_msg_id stores one message however often
        // it is sent at once.
        writeLocks.exclusive(chatMessagesLock(chat.id()));
        if (clientMsgId != null) {
            Optional<StoredMessage> earlier =
                    messages.findByChatIdAndAuthorIdAndClientMsgId(chat.id(), callerId, clientMsgId);
            if (earlier.isPresent()) {
                // Read back whole: what the first send stored since (mentions_all, say) shows as it is.
                return new SentMessage(views.of(row(earlier.get().id())), false);
            }
            Optional<Long> deleted = messages.findDeletedMessageId(chat.id(), callerId, clientMsgId);
            if (deleted.isPresent()) {
                throw new ConflictException(
                        "message_deleted",
                        "the message sent with this client_msg_id (message " + deleted.get()
                                + ") has been deleted; a client_msg_id never stores a message again");
            }
        }
        List<StoredFile> attached = files.attachable(callerId, chat.id(), request.attachments());
        if (attached.isEmpty() && isBlank(text)) {
            throw new InvalidInputException(
                    "text", "text is required and must not be blank (unless the message carries attachments)");
        }
        Long replyToId = request.replyTo() == null ? null : answered(chat, request.replyTo());
        Instant now = clock.instant();
        StoredMessage stored = messages.save(new StoredMessage(
                null, UUID.randomUUID().toString(), chat.id(), callerId, text, clientMsgId, now, replyToId));
        indexForSearch(stored.id(), chat.id(), text);
        readState.setLastMessage(chat.id(), stored.id());
        readState.countNewMessage(chat.id(), callerId);
        // Writing in a chat means having read it.
        readState.markRead(chat.id(), callerId, stored.id(), 0, now);
        List<Attachment> attachments = files.attach(stored.id(), attached);
        // Built from what was inserted: the insert gave the id, and the author is the caller.
        MessageRow row = MessageRow.of(stored, accounts.requireCaller(callerId));
        Mentions.Mentioned mentioned = mentions.record(chat, callerId, stored.id(), text);
        Message message = row.toMessage(attachments, replyToId == null ? null : views.quoteOf(row))
                .withMentions(mentioned.users(), mentioned.all());
        events.newMessage(message, callerId);
        Set<Long> mentionedIds = mentioned.ids();
        RealtimeEvents.LastMessages lastMessages = events.lastMessages(message, callerId);
        for (ChatMember member : chats.membersOf(chat.id())) {
            if (mentionedIds.contains(member.userId())) {
                lastMessages.toMentioned(
                        member.userId(),
                        member.unreadCount(),
                        mentions.unreadFor(chat.id(), member.userId(), member.lastReadMessageId()));
            } else {
                lastMessages.to(member.userId(), member.unreadCount());
            }
        }
        // Heard once this message's own write has committed, never for one rolled back alone.
        var announcement = new MessagePosted(chat.id(), stored.id(), callerId);
        hooks.afterCommit(() -> posted.publishEvent(announcement));
        return new SentMessage(message, true);
    }

    /**
     * Uploads a file into a chat and posts it there as a message that carries it (seed 000's
     * {@code upload_file}). The file's rows and the message commit together: a message that
     * cannot be stored leaves no file behind in the chat.
     */
    public PostedFile sendFile(long callerId, long chatId, Upload upload, OptionalLong declaredSize) {
        return files.upload(callerId, chatId, upload, declaredSize, stored -> {
            Message carrier = send(
                            callerId,
                            chatId,
                            new SendMessageRequest(
                                    "", null, List.<IdValue>of(new IdRef.Uuid(UUID.fromString(stored.uuid())))))
                    .message();
            return new PostedFile(stored, carrier);
        });
    }

    /**
     * A chat as a client that opens it reads it (seed 000's {@code connect}): the newest page,
     * oldest first, how many messages were unread before, and the read state after, since opening
     * reads the chat up to the newest message shown. One transaction, so the three agree.
     */
    @Transactional
    public OpenedChat open(long callerId, IdRef chatRef) {
        Chat chat = chats.get(chatRef);
        long unreadBefore = chats.requireMembership(chat, callerId).unreadCount();
        List<Message> newestFirst = received(
                        callerId,
                        chat.id(),
                        readPage(chat.id(), HistoryQuery.of(null, null, null, null, "desc", limits)))
                .messages();
        ChatMember read = markRead(
                callerId,
                chat.id(),
                newestFirst.isEmpty() ? 0L : newestFirst.getFirst().id());
        return new OpenedChat(chat, newestFirst.reversed(), unreadBefore, read.lastSeenAt());
    }

    public List<Message> history(long callerId, long chatId, HistoryQuery query) {
        return historyPage(callerId, chatId, query).messages();
    }

    /** One page of history, and whether there is more beyond it (so a full last page is known to be last). */
    public HistoryPage historyPage(long callerId, long chatId, HistoryQuery query) {
        chats.requireMember(chatId, callerId);
        return received(callerId, chatId, readPage(chatId, query));
    }

    /** A page the member fetched has reached one of their devices: its messages count as delivered. */
    private HistoryPage received(long callerId, long chatId, HistoryPage page) {
        page.messages().stream()
                .mapToLong(Message::id)
                .max()
                .ifPresent(newest -> delivered.reached(chatId, callerId, newest));
        return page;
    }

    /**
     * Every message of a chat, oldest first (for dialects whose documents list a whole chat),
     * read in pages of the largest page size; members only.
     */
    public List<Message> transcript(long callerId, long chatId) {
        chats.requireMember(chatId, callerId);
        List<Message> all = new ArrayList<>();
        long after = 0;
        HistoryPage page;
        do {
            page = received(
                    callerId,
                    chatId,
                    readPage(chatId, HistoryQuery.of(limits.pageSizeMax(), 0, null, after, "asc", limits)));
            all.addAll(page.messages());
            if (!page.messages().isEmpty()) {
                after = page.messages().getLast().id();
            }
        } while (page.more());
        return all;
    }

    private HistoryPage readPage(long chatId, HistoryQuery query) {
        long after = query.afterId() == null ? 0 : query.afterId();
        long before = query.beforeId() == null ? Long.MAX_VALUE : query.beforeId();
        // One row more than asked for tells whether another page follows.
        int fetch = query.limit() + 1;
        List<MessageRow> rows = query.oldestFirst()
                ? messages.findOldestFirst(chatId, after, before, fetch, query.offset())
                : messages.findNewestFirst(chatId, after, before, fetch, query.offset());
        boolean more = rows.size() > query.limit();
        return new HistoryPage(views.of(more ? rows.subList(0, query.limit()) : rows), more);
    }

    /** Deletes one of the caller's own messages. */
    @Transactional
    public MessageRow delete(long callerId, long chatId, long messageId) {
        return delete(callerId, chatId, new IdRef.Numeric(messageId));
    }

    /**
     * The same for a message named by id or UUID. Membership is checked first, so an outsider
     * learns nothing of which messages exist.
     */
    @Transactional
    public MessageRow delete(long callerId, long chatId, IdRef messageRef) {
        Chat chat = chats.requireMember(chatId, callerId);
        writeLocks.exclusive(chatMessagesLock(chat.id())); // which message is the chat's newest
        MessageRow message = messageIn(chat, messageRef);
        if (message.authorId() != callerId) {
            throw new ForbiddenException("not_the_author", "only the author can delete message " + message.id());
        }
        readState.uncountDeletedMessage(chat.id(), message.authorId(), message.id());
        if (message.clientMsgId() != null) {
            messages.rememberDeletedClientMsgId(
                    chat.id(), message.authorId(), message.clientMsgId(), message.id(), clock.instant());
        }
        messages.deleteById(message.id());
        Long lastId = messages.findLastId(chat.id()).orElse(null);
        if (chat.lastMessageId() != null && chat.lastMessageId() == message.id()) {
            readState.setLastMessage(chat.id(), lastId);
        }
        MessageDeletedEvent deleted = MessageDeletedEvent.inChat(chat.id(), message.id(), message.uuid());
        events.toRoom(chat.id(), deleted);
        Message last = lastId == null ? null : views.of(row(lastId));
        Map<Long, Long> mentionCounts = mentions.unreadByMember(chat.id());
        for (ChatMember member : chats.membersOf(chat.id())) {
            events.toInbox(
                    member.userId(),
                    deleted.forMember(member.unreadCount(), last, mentionCounts.getOrDefault(member.userId(), 0L)));
        }
        return message;
    }

    /**
     * Gives one of the caller's own messages a new text, with the rules of sending: the same
     * length limit, and not blank unless the message carries files. The earlier text is kept
     * ({@link #versions}); the search index follows the new one. Sockets of the chat hear
     * {@code message_edited}, and so do the members' main sockets when it is the chat's last
     * message (their chat list shows it). The same text again changes nothing and tells nobody.
     */
    @Transactional
    public Message edit(long callerId, long chatId, IdRef messageRef, EditMessageRequest request) {
        Chat chat = chats.requireMember(chatId, callerId);
        MessageRow row = messageIn(chat, messageRef);
        if (row.authorId() != callerId) {
            throw new ForbiddenException("not_the_author", "only the author can edit message " + row.id());
        }
        if (request == null || request.text() == null) {
            throw new InvalidInputException("text", "a JSON body with the message's new text is required");
        }
        String text = request.text();
        if (text.codePointCount(0, text.length()) > limits.messageMax()) {
            throw new InvalidInputException("text", "text must be at most " + limits.messageMax() + " characters long");
        }
        Message current = views.of(row);
        if (current.attachments().isEmpty() && isBlank(text)) {
            throw new InvalidInputException(
                    "text", "text is required and must not be blank (unless the message carries attachments)");
        }
        if (text.equals(row.text())) {
            return current;
        }
        Instant now = clock.instant();
        messages.keepVersion(row.id(), row.text(), row.editedAt() == null ? row.createdAt() : row.editedAt());
        messages.updateText(row.id(), text, now);
        indexForSearch(row.id(), chat.id(), text);
        Set<Long> mentionedBefore = mentions.idsIn(row.id());
        Mentions.Mentioned mentioned = mentions.replace(chat, callerId, row.id(), text);
        recountMentions(chat, row.id(), mentionedBefore, mentioned.ids());
        Message edited = current.withEdit(text, now).withMentions(mentioned.users(), mentioned.all());
        Message frame = edited.withType(EventTypes.MESSAGE_EDITED);
        events.toRoom(chat.id(), frame);
        if (chat.lastMessageId() != null && chat.lastMessageId() == row.id()) {
            for (ChatMember member : chats.membersOf(chat.id())) {
                events.toInbox(member.userId(), frame);
            }
        }
        return edited;
    }

    /**
     * After an edit: members it started or stopped mentioning, who have not read that far, hear
     * their new count of unread mentions on their main sockets.
     */
    private void recountMentions(Chat chat, long messageId, Set<Long> before, Set<Long> after) {
        Set<Long> changed = new HashSet<>(before);
        changed.addAll(after);
        changed.removeIf(id -> before.contains(id) && after.contains(id));
        if (changed.isEmpty()) {
            return;
        }
        for (ChatMember member : chats.membersOf(chat.id())) {
            if (changed.contains(member.userId()) && member.lastReadMessageId() < messageId) {
                events.toInbox(
                        member.userId(),
                        MentionCountEvent.of(
                                chat.id(), mentions.unreadFor(chat.id(), member.userId(), member.lastReadMessageId())));
            }
        }
    }

    /** Every text a message of the chat has had, oldest first, the current one last (members only). */
    public MessageVersions versions(long callerId, long chatId, IdRef messageRef) {
        Chat chat = chats.requireMember(chatId, callerId);
        MessageRow row = messageIn(chat, messageRef);
        List<MessageVersions.Version> versions = new ArrayList<>();
        for (EarlierText earlier : messages.findEarlierTexts(row.id())) {
            versions.add(new MessageVersions.Version(earlier.text(), earlier.writtenAt()));
        }
        versions.add(
                new MessageVersions.Version(row.text(), row.editedAt() == null ? row.createdAt() : row.editedAt()));
        return new MessageVersions(chat.id(), row.id(), versions);
    }

    /** A message of the chat, for a member of it; one deleted or of another chat is {@code 404 message_not_found}. */
    public MessageRow messageFor(long callerId, long chatId, IdRef messageRef) {
        return messageIn(chats.requireMember(chatId, callerId), messageRef);
    }

    /** The id of the message a new one answers: one of the same chat, still there. */
    private long answered(Chat chat, IdValue replyTo) {
        IdRef ref = IdRefs.require(replyTo, "reply_to");
        return rows.find(ref)
                .filter(found -> found.chatId() == chat.id())
                .orElseThrow(() -> new InvalidInputException(
                        "reply_to", "reply_to names no message of chat " + chat.id() + ": " + ref.display()))
                .id();
    }

    private MessageRow messageIn(Chat chat, IdRef messageRef) {
        return rows.find(messageRef)
                .filter(found -> found.chatId() == chat.id())
                .orElseThrow(() -> new NotFoundException(
                        "message_not_found",
                        "message " + messageRef.display() + " does not exist in chat " + chat.id()));
    }

    private static String chatMessagesLock(long chatId) {
        return "chat-messages:" + chatId;
    }

    private void indexForSearch(long messageId, long chatId, String text) {
        search.index(messageId, chatId, text);
    }

    public List<Message> search(long callerId, long chatId, String query, Integer limit) {
        chats.requireMember(chatId, callerId);
        SearchTerms terms = SearchTerms.parse(query, limits.searchQueryMax());
        return views.of(search.search(chatId, terms, Paging.of(limit, 0, limits).limit()));
    }

    /**
     * Full-text search in every chat the caller is a member of, newest match first; each message
     * names its chat. Chats the caller has left or was removed from are not searched.
     */
    public List<Message> searchEverywhere(long callerId, String query, Integer limit) {
        SearchTerms terms = SearchTerms.parse(query, limits.searchQueryMax());
        return views.of(search.searchChatsOf(
                callerId, terms, Paging.of(limit, 0, limits).limit()));
    }

    public List<UnreadRow> unreadCounts(long callerId) {
        return readState.findUnread(callerId);
    }

    /**
     * Marks the chat read up to {@code upToMessageId} (everything sent until now when null).
     * Read positions only move forwards.
     */
    @Transactional
    public ChatMember markRead(long callerId, long chatId, Long upToMessageId) {
        // The member's row first: a new message's count (unread_count + 1) waits for this
        // commit, or has committed and is in the count below, which replaces it.
        readState.holdRow(chatId, callerId);
        ChatMember member = chats.requireMembership(chats.get(new IdRef.Numeric(chatId)), callerId);
        long lastId = messages.findLastId(chatId).orElse(0L);
        long target;
        if (upToMessageId == null) {
            target = lastId;
        } else {
            if (upToMessageId < 0) {
                throw new InvalidInputException("up_to_message_id", "up_to_message_id must be a message id");
            }
            target = Math.min(upToMessageId, lastId);
        }
        long position = Math.max(member.lastReadMessageId(), target);
        long unread = position >= lastId ? 0 : messages.countUnread(chatId, position, callerId);
        Instant now = clock.instant();
        readState.markRead(chatId, callerId, position, unread, now);
        var reader = accounts.requireCaller(callerId).toRef();
        events.toRoom(chatId, ReadEvent.of(chatId, reader, position, null));
        events.toInbox(
                callerId,
                ReadEvent.forReader(chatId, reader, position, unread, mentions.unreadFor(chatId, callerId, position)));
        return new ChatMember(
                member.id(), member.chatId(), member.userId(), member.role(), member.joinedAt(), position, unread, now);
    }

    /**
     * How far each member has received and read the chat, in the order they joined (members
     * only): with the chat's {@code delivered} and {@code read} frames, what a client needs for
     * "delivered" and "read by N" under its own messages.
     */
    public ReadPositions readPositions(long callerId, long chatId) {
        chats.requireMember(chatId, callerId);
        List<ChatMember> members = chats.membersOf(chatId);
        Map<Long, Account> byId =
                accounts.byIds(members.stream().map(ChatMember::userId).toList());
        Map<Long, Long> deliveredUpTo = delivered.of(
                chatId, members.stream().collect(Collectors.toMap(ChatMember::userId, ChatMember::lastReadMessageId)));
        List<ReadPositions.Position> positions = members.stream()
                .filter(member -> byId.containsKey(member.userId()))
                .map(member -> new ReadPositions.Position(
                        byId.get(member.userId()).toRef(),
                        member.lastReadMessageId(),
                        deliveredUpTo.get(member.userId())))
                .toList();
        return new ReadPositions(chatId, positions);
    }

    /**
     * What a chat socket sends when it opens: the chat's newest message id at that moment, and one
     * page of history that stops there. Messages up to that id are in the history or before it;
     * every later one reaches the socket live. Ids grow in commit order (one writer at a time), so
     * once the newest id is read, every older message is already there to be read too.
     */
    public ChatSnapshot snapshot(long callerId, long chatId, HistoryQuery query) {
        chats.requireMember(chatId, callerId);
        long lastId = messages.findLastId(chatId).orElse(0L);
        return new ChatSnapshot(received(callerId, chatId, readPage(chatId, query.upTo(lastId))), lastId);
    }

    /** Nothing a reader would see: whitespace, no-break spaces and invisible format characters only. */
    private static boolean isBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT);
    }

    private MessageRow row(long messageId) {
        return messages.findRow(messageId).orElseThrow();
    }
}
