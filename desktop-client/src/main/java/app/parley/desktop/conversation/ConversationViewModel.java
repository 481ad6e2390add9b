package app.parley.desktop.conversation;

import app.parley.desktop.app.Background;
import app.parley.desktop.attachments.Attachments;
import app.parley.desktop.attachments.ComposerFiles;
import app.parley.desktop.attachments.Upload;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.net.RealtimeListener;
import app.parley.desktop.net.RealtimeSocket;
import app.parley.desktop.outbox.Outbox;
import app.parley.desktop.outbox.OutboxEntry;
import app.parley.desktop.session.SignedIn;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.GroupOptions;
import app.parley.model.event.AgentReplyEvent;
import app.parley.model.event.ChatDeletedEvent;
import app.parley.model.event.DeliveredEvent;
import app.parley.model.event.EventTypes;
import app.parley.model.event.HistoryEvent;
import app.parley.model.event.MessageDeletedEvent;
import app.parley.model.event.ReactionEvent;
import app.parley.model.event.ReadEvent;
import app.parley.model.event.ServerEvent;
import app.parley.model.event.TypingEvent;
import app.parley.model.message.Message;
import app.parley.model.message.MessagePage;
import app.parley.model.message.Reaction;
import app.parley.model.message.ReplyQuote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open chat: its messages in id order (the person's own unsent ones last), older pages on
 * request, live messages from the chat's socket, who is typing, the draft and sending.
 *
 * <p>Sending puts the message in the session's {@link Outbox}, which outlives this chat being
 * open: the chat shows the outbox's messages for it last, as sending or failed (with retry and
 * delete), and each becomes the stored message when either the outbox's answer or its socket
 * frame arrives (whichever is first; the other is recognised by id). When the socket reconnects
 * it asks for what came after the last message it has ({@code after_id}) and pages through
 * {@code catch_up}, so nothing is lost or shown twice.
 */
public final class ConversationViewModel implements AutoCloseable {
    static final int PAGE = 50;
    /** How many of the newest messages are read again after a reconnect. */
    private static final int REFRESHED_MAX = 300;

    private static final Logger LOG = LoggerFactory.getLogger(ConversationViewModel.class);
    private static final int JUMP_PAGE = 200;
    private static final int SEARCH_LIMIT = 50;
    private static final Duration TYPING_SEND_EVERY = Duration.ofSeconds(3);
    private static final Duration TYPING_SHOWN_FOR = Duration.ofSeconds(6);
    private static final Comparator<MessageItem> ORDER =
            Comparator.comparingLong(MessageItem::id).thenComparing(MessageItem::time);

    private final SignedIn session;
    private final ChatRoom chat;
    private final Background background;
    private final ProblemText problems;
    private final Messages text;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final RealtimeSocket socket;
    private final Attachments attachments;
    private final ComposerFiles files;
    private final BooleanBinding sendable;
    private final Outbox outbox;
    private final ListChangeListener<OutboxEntry> outboxChanged = change -> showUnsent();
    private final Subscription delivered;

    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    /** The ids of the stored messages in {@link #items}, so that a message is never shown twice. */
    private final Set<Long> shown = new HashSet<>();
    /**
     * Each author once: every message read from the server brings its own copy of its author
     * (name, username, id), and a conversation of 10,000 messages names a few people.
     */
    private final Map<UserRef, UserRef> authors = new HashMap<>();

    private final Drafts drafts;
    /** Unread messages at opening beyond which the chat opens at the newest, not at the first of them. */
    static final int SEEK_MAX = 1_000;

    /** Messages per page while looking for the first unread one. */
    private static final int SEEK_PAGE = 100;

    private final long unreadAtOpen;
    private final ReadOnlyLongWrapper firstUnread = new ReadOnlyLongWrapper(this, "firstUnread", 0);
    private final ObservableList<Message> found = FXCollections.observableArrayList();
    /** Made once: a read-only view listens to its list only weakly, so one made per call can be collected under its listeners. */
    private final ObservableList<Message> readOnlyFound = FXCollections.unmodifiableObservableList(found);

    private final ReadOnlyIntegerWrapper foundAt = new ReadOnlyIntegerWrapper(this, "foundAt", -1);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ReadOnlyBooleanWrapper foundMore = new ReadOnlyBooleanWrapper(this, "foundMore", false);
    private final ReadOnlyObjectWrapper<Jump> jump = new ReadOnlyObjectWrapper<>(this, "jump");
    private final Receipts receipts;
    /** Moves whenever someone receives or reads further: the view then redraws the receipts it shows. */
    private final ReadOnlyIntegerWrapper receiptsChanged = new ReadOnlyIntegerWrapper(this, "receiptsChanged", 0);

    private final ReadOnlyStringWrapper answered = new ReadOnlyStringWrapper(this, "answered", "");
    private String searched = "";
    /** A message to bring into view once the newest page is here; 0 for none. */
    private long jumpWhenLoaded;

    private final Map<Long, Instant> typingUntil = new LinkedHashMap<>();
    private final Map<Long, String> typingNames = new LinkedHashMap<>();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyStringWrapper typing = new ReadOnlyStringWrapper(this, "typing", "");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder", false);
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanProperty inView = new SimpleBooleanProperty(this, "inView", false);
    private final ReadOnlyIntegerWrapper messageMax = new ReadOnlyIntegerWrapper(this, "messageMax", 0);
    private final IntegerBinding overLimit;
    private final LongProperty seenUpTo = new SimpleLongProperty(this, "seenUpTo", Long.MAX_VALUE);
    /** The person's own message whose text the composer is changing; null while writing a new one. */
    private final ReadOnlyObjectWrapper<MessageItem> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    /** The message the next one sent will answer; null for none. */
    private final ReadOnlyObjectWrapper<MessageItem> replying = new ReadOnlyObjectWrapper<>(this, "replying");
    /** The names offered for what follows an {@code @} before the caret; empty when there is none. */
    private final ObservableList<MentionChoice> mentionChoices = FXCollections.observableArrayList();
    /** The chat's members (other than the person), loaded the first time an {@code @} is typed. */
    private List<UserRef> members;

    private boolean membersRequested;
    /** Whether the group's owner lets the person mention everyone with @all. */
    private boolean mayMentionAll;

    /** Whom the person may mention in this chat: its other members, and everyone at once or not. */
    private record Mentionable(List<UserRef> members, boolean all) {}

    private String mentionQuery;
    /** The chat's draft, set aside while the composer holds an edit. */
    private String draftBeforeEdit = "";

    private long lastRead;
    /** The newest stored message's id, for the socket's reconnect path (read on the socket's thread). */
    private volatile long newestStored;

    private Instant typingSentAt = Instant.EPOCH;
    /** Whether the chat socket has been open before: an opening after that is a reconnect. */
    private boolean connectedBefore;

    public ConversationViewModel(
            SignedIn session,
            ChatRoom chat,
            RealtimeClient realtime,
            Background background,
            ProblemText problems,
            Messages text,
            Clock clock,
            ScheduledExecutorService timers,
            Drafts drafts,
            Attachments attachments,
            Outbox outbox) {
        this.session = session;
        this.chat = chat;
        this.drafts = drafts;
        this.unreadAtOpen = chat.unreadCount();
        this.receipts = new Receipts(session.me().id());
        this.background = background;
        this.problems = problems;
        this.text = text;
        this.clock = clock;
        this.timers = timers;
        this.attachments = attachments;
        this.files = new ComposerFiles(attachments, problems);
        this.overLimit = Bindings.createIntegerBinding(
                () -> {
                    String said = draft.get() == null ? "" : draft.get().strip();
                    return messageMax.get() <= 0
                            ? 0
                            : Math.max(0, said.codePointCount(0, said.length()) - messageMax.get());
                },
                draft,
                messageMax);
        this.sendable = Bindings.createBooleanBinding(
                () -> !gone.get()
                        && overLimit.get() == 0
                        && (draft.get() != null && !draft.get().isBlank()
                                || !files.chosen().isEmpty()),
                gone,
                draft,
                overLimit,
                files.chosen());
        // The server's own limit, so that a message too long is said to be before it is sent.
        background.run(() -> session.api().limits().messageMax(), messageMax::set, failure -> {});
        this.outbox = outbox;
        outbox.entries().addListener(outboxChanged);
        this.delivered = outbox.onDelivered(this::stored);
        showUnsent();
        this.socket = realtime.chat(session.api(), this::socketPath, new Frames());
        draft.set(drafts.of(chat.id()));
        draft.addListener((property, before, now) -> draftChanged(now));
        inView.addListener((property, before, now) -> {
            if (now) {
                markRead();
            }
        });
        seenUpTo.addListener((property, before, now) -> markRead());
    }

    public ChatRoom chat() {
        return chat;
    }

    public long myId() {
        return session.me().id();
    }

    public String myUsername() {
        return session.me().username();
    }

    /** The messages, oldest first; the person's own unsent ones last. Changed on the FX thread only. */
    public ObservableList<MessageItem> items() {
        return items;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    /** "Anna is typing…", "Anna and Boris are typing…", or empty. */
    public ReadOnlyStringProperty typingProperty() {
        return typing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    /** True once the first page has arrived (until then the view shows a spinner, not "no messages"). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * True when Send would send something: text other than spaces and new lines, or a file, in a
     * chat the person is still in.
     */
    public BooleanBinding sendableProperty() {
        return sendable;
    }

    /** True when the chat was deleted or the person removed from it. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the person is looking at this chat (window focused, chat shown): then new messages count as read. */
    public BooleanProperty inViewProperty() {
        return inView;
    }

    /** The longest message the server takes, in characters; 0 until it has said. */
    public ReadOnlyIntegerProperty messageMaxProperty() {
        return messageMax.getReadOnlyProperty();
    }

    /** By how many characters the composer's text is over the server's limit; 0 when it is not. */
    public IntegerBinding overLimitProperty() {
        return overLimit;
    }

    /**
     * The newest message the reader has seen in the list: the view sets it from what it shows
     * (everything, at the newest message). Only messages up to it count as read, so a reader
     * scrolled up in the history does not read what arrives below. Unset (no view), everything shown counts.
     */
    public LongProperty seenUpToProperty() {
        return seenUpTo;
    }

    /**
     * The first message that was unread when the chat was opened (0 when none was): the view
     * draws a "new messages" line above it and opens the chat there.
     */
    public ReadOnlyLongProperty firstUnreadProperty() {
        return firstUnread.getReadOnlyProperty();
    }

    /** Who of the others has received and read one of the person's own messages (names, sorted). */
    Receipt receiptOf(MessageItem item) {
        return item.own() && item.stored() ? receipts.of(item.id()) : Receipt.NONE;
    }

    public ReadOnlyIntegerProperty receiptsChangedProperty() {
        return receiptsChanged.getReadOnlyProperty();
    }

    /** The latest in-chat search's results, best match first. */
    public ObservableList<Message> found() {
        return readOnlyFound;
    }

    /** Which of {@link #found()} is shown (-1 before a search or when nothing matched). */
    public ReadOnlyIntegerProperty foundAtProperty() {
        return foundAt.getReadOnlyProperty();
    }

    /** The query {@link #found()} answers; empty when there is no search. */
    public ReadOnlyStringProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The message the view should scroll to and select: set anew for every jump, even to the same message. */
    public ReadOnlyObjectProperty<Jump> jumpProperty() {
        return jump.getReadOnlyProperty();
    }

    /** A request to bring a message into view. */
    public record Jump(long messageId) {}

    /** Searches the chat; the best match is brought into view. A blank query clears the search. */
    public void search(String query) {
        String wanted = query == null ? "" : query.strip();
        if (wanted.isEmpty()) {
            clearSearch();
            return;
        }
        if (wanted.equals(searched) && !found.isEmpty()) {
            nextFound();
            return;
        }
        searched = wanted;
        searching.set(true);
        background.run(
                () -> session.api().searchMessages(chat.id(), wanted, SEARCH_LIMIT),
                results -> {
                    if (!wanted.equals(searched)) {
                        return; // a newer search was asked for meanwhile
                    }
                    searching.set(false);
                    // The server picks the best matches; they are walked newest first, Enter going
                    // back in time, as a chat is read.
                    found.setAll(results.stream()
                            .sorted(java.util.Comparator.comparingLong(Message::id)
                                    .reversed())
                            .toList());
                    foundMore.set(results.size() >= SEARCH_LIMIT);
                    foundAt.set(results.isEmpty() ? -1 : 0);
                    answered.set(wanted);
                    if (!found.isEmpty()) {
                        jumpTo(found.getFirst().id());
                    }
                },
                failure -> {
                    searching.set(false);
                    problem.set(problems.describe(failure));
                });
    }

    /** Whether the server may have more matches than those found (as many as one search gives). */
    public ReadOnlyBooleanProperty foundMoreProperty() {
        return foundMore.getReadOnlyProperty();
    }

    /** The next (older) match. */
    public void nextFound() {
        showFound(foundAt.get() + 1);
    }

    /** The previous (newer) match. */
    public void previousFound() {
        showFound(foundAt.get() - 1);
    }

    public void clearSearch() {
        searched = "";
        found.clear();
        foundAt.set(-1);
        answered.set("");
        searching.set(false);
    }

    private void showFound(int index) {
        if (found.isEmpty()) {
            return;
        }
        int at = Math.floorMod(index, found.size());
        foundAt.set(at);
        jumpTo(found.get(at).id());
    }

    /** Brings a message into view as soon as the chat's newest page is here (at once if it is). */
    public void jumpToWhenLoaded(long messageId) {
        if (loaded.get()) {
            jumpTo(messageId);
        } else {
            jumpWhenLoaded = messageId;
        }
    }

    /** Brings a message into view, loading older pages until it is there (or the chat has no more). */
    public void jumpTo(long messageId) {
        if (shown.contains(messageId)) {
            jump.set(new Jump(messageId));
            return;
        }
        Long oldest = oldestStored();
        if (!hasOlder.get() || oldest == null || messageId > oldest) {
            return; // deleted since, or not in this chat
        }
        loadingOlder.set(true);
        background.run(
                () -> session.api().history(chat.id(), oldest, JUMP_PAGE),
                page -> {
                    olderLoaded(page);
                    if (shown.contains(messageId) || hasOlder.get()) {
                        jumpTo(messageId);
                    }
                },
                failure -> {
                    loadingOlder.set(false);
                    problem.set(problems.describe(failure));
                });
    }

    /** Files for this session's chats: thumbnails, saving, opening. */
    public Attachments attachments() {
        return attachments;
    }

    /** The files chosen for the next message. */
    public ComposerFiles files() {
        return files;
    }

    /** Sends the draft with the chosen files (or saves the edit); a blank draft without files is not sent. */
    public void send() {
        String body = draft.get() == null ? "" : draft.get().strip();
        if (overLimit.get() > 0) {
            return; // the view says by how much; nothing is lost from the composer
        }
        if (editing.get() != null) {
            saveEdit(editing.get(), body);
            return;
        }
        if (!sendable.get()) {
            return;
        }
        draft.set("");
        List<Upload> uploads = files.take();
        MessageItem answered = replying.get();
        replying.set(null);
        outbox.write(chat.id(), body, uploads, answered == null ? null : quoteOf(answered.message()));
        socket.send(Map.of("type", "stop_typing"));
        typingSentAt = Instant.EPOCH;
    }

    /** The person's own message being edited in the composer, or null. */
    public ReadOnlyObjectProperty<MessageItem> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    static final int MENTION_CHOICES_MAX = 6;

    /** The names to offer after {@code @}, best first; empty when the composer is not at an {@code @name}. */
    public ObservableList<MentionChoice> mentionChoices() {
        return mentionChoices;
    }

    /**
     * What the person has typed after an {@code @} just before the caret (null when the caret is
     * at none): members whose username or name starts with it are offered, and in a group
     * {@code @all}.
     */
    public void mentionQuery(String typed) {
        mentionQuery = typed;
        if (typed == null) {
            mentionChoices.clear();
            return;
        }
        if (members == null) {
            loadMembers();
            return;
        }
        String wanted = typed.toLowerCase(java.util.Locale.ROOT);
        List<MentionChoice> choices = new ArrayList<>();
        for (UserRef member : members) {
            String username = member.username() == null ? "" : member.username();
            String name = member.name() == null ? username : member.name();
            boolean matches = username.toLowerCase(java.util.Locale.ROOT).startsWith(wanted)
                    || java.util.Arrays.stream(
                                    name.toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                            .anyMatch(word -> word.startsWith(wanted));
            if (matches && !username.isEmpty() && choices.size() < MENTION_CHOICES_MAX) {
                choices.add(new MentionChoice(username, name, false));
            }
        }
        if (mayMentionAll && "all".startsWith(wanted)) {
            choices.add(new MentionChoice("all", text.get("conversation.mention.everyone"), true));
        }
        mentionChoices.setAll(choices);
    }

    private void loadMembers() {
        if (membersRequested) {
            return;
        }
        membersRequested = true;
        boolean group = chat.type() == app.parley.model.chat.ChatType.GROUP;
        background.run(
                () -> {
                    if (!group) {
                        return new Mentionable(chat.otherUser() == null ? List.of() : List.of(chat.otherUser()), false);
                    }
                    boolean all = switch (session.api().groupOptions(chat.id()).allMentions()) {
                        case GroupOptions.MEMBERS -> true;
                        case GroupOptions.OWNER -> {
                            Long owner = session.api().chatInfo(chat.id()).ownerId();
                            yield owner != null && owner == myId();
                        }
                        default -> false;
                    };
                    return new Mentionable(session.api().groupMembers(chat.id()).users(), all);
                },
                loaded -> {
                    members = loaded.members().stream()
                            .filter(user -> UserIds.idOf(user) != myId())
                            .toList();
                    mayMentionAll = loaded.all();
                    mentionQuery(mentionQuery);
                },
                failure -> {
                    members = List.of(); // no suggestions; typing the name still mentions
                });
    }

    /** The message the next one sent will answer, or null. */
    public ReadOnlyObjectProperty<MessageItem> replyingProperty() {
        return replying.getReadOnlyProperty();
    }

    /** Whether the person may answer this message: a stored one, in a chat they are still in. */
    boolean canReply(MessageItem item) {
        return item != null && item.stored() && !gone.get();
    }

    /** The next message sent will answer this one (an edit in progress is left as it was). */
    public void startReply(MessageItem item) {
        if (!canReply(item)) {
            return;
        }
        cancelEdit();
        replying.set(item);
    }

    public void cancelReply() {
        replying.set(null);
    }

    private static ReplyQuote quoteOf(Message message) {
        return ReplyQuote.of(
                message.id(),
                message.author(),
                message.text(),
                message.attachments().size());
    }

    /** Whether the person may change this message's text: their own, stored, in a chat they are still in. */
    boolean canEdit(MessageItem item) {
        return item != null && item.own() && item.stored() && !gone.get();
    }

    /**
     * Puts one of the person's own messages in the composer to change its text; the chat's draft
     * is set aside until the edit is saved or cancelled.
     */
    public void startEdit(MessageItem item) {
        if (!canEdit(item)) {
            return;
        }
        replying.set(null);
        if (editing.get() == null) {
            draftBeforeEdit = draft.get() == null ? "" : draft.get();
        }
        editing.set(item);
        draft.set(item.text());
    }

    /** Edits the newest of the person's own messages (Up in an empty composer); whether there was one. */
    public boolean editLast() {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (canEdit(items.get(i))) {
                startEdit(items.get(i));
                return true;
            }
        }
        return false;
    }

    /** Leaves the message as it was and gives the composer its draft back. */
    public void cancelEdit() {
        if (editing.get() == null) {
            return;
        }
        editing.set(null);
        draft.set(draftBeforeEdit);
        draftBeforeEdit = "";
    }

    private void saveEdit(MessageItem item, String body) {
        if (body.isEmpty() && item.message().attachments().isEmpty()) {
            problem.set(text.get("conversation.edit.empty"));
            return;
        }
        cancelEdit();
        if (body.equals(item.text())) {
            return;
        }
        long messageId = item.id();
        background.run(
                () -> session.api().editMessage(chat.id(), messageId, body),
                this::edited,
                failure -> problem.set(problems.describe(failure)));
    }

    /** A message's new text, from the edit's answer or the socket: shown in place, marked edited. */
    private void edited(Message message) {
        if (message.chatId() != chat.id()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            MessageItem item = items.get(i);
            if (item.stored() && item.id() == message.id()) {
                if (item.message().editedAt() == null
                        || message.editedAt() != null
                                && !message.editedAt().isBefore(item.message().editedAt())) {
                    items.set(i, storedItem(message.withType(Message.TYPE_MESSAGE)));
                }
                break;
            }
        }
        requote(message.id(), quoteOf(message));
    }

    /** Replies shown here that answer this message quote it as it now is. */
    private void requote(long answeredId, ReplyQuote quote) {
        for (int i = 0; i < items.size(); i++) {
            MessageItem item = items.get(i);
            if (item.replyTo() != null
                    && item.replyTo().id() == answeredId
                    && !item.replyTo().equals(quote)) {
                items.set(i, item.withReplyTo(quote));
            }
        }
    }

    /** The emoji offered for a quick reaction, most used first (as Slack, Telegram and Signal offer them). */
    public static final List<String> QUICK_REACTIONS = List.of("👍", "❤️", "😂", "😮", "😢", "🙏", "🎉", "👀");

    /** Whether the person has reacted to this message with this emoji. */
    boolean reacted(MessageItem item, String emoji) {
        return item.reactions().stream()
                .filter(reaction -> reaction.emoji().equals(emoji))
                .anyMatch(reaction -> reaction.users().stream().anyMatch(user -> UserIds.idOf(user) == myId()));
    }

    /** Adds the person's reaction with this emoji, or takes it back if they have already reacted with it. */
    public void toggleReaction(MessageItem item, String emoji) {
        if (!item.stored() || gone.get()) {
            return;
        }
        boolean remove = reacted(item, emoji);
        long messageId = item.id();
        background.run(
                () -> remove
                        ? session.api().removeReaction(chat.id(), messageId, emoji)
                        : session.api().addReaction(chat.id(), messageId, emoji),
                now -> reactionsChanged(now.messageId(), now.reactions()),
                failure -> problem.set(problems.describe(failure)));
    }

    private void reactionsChanged(long messageId, List<Reaction> now) {
        for (int i = 0; i < items.size(); i++) {
            MessageItem item = items.get(i);
            if (item.stored() && item.id() == messageId) {
                if (!item.reactions().equals(now)) {
                    items.set(i, item.withReactions(now));
                }
                return;
            }
        }
    }

    /** Every text the message has had, for the dialog that shows them. */
    public MessageVersionsViewModel versionsOf(MessageItem item) {
        return new MessageVersionsViewModel(session.api(), background, problems, chat.id(), item.id());
    }

    /** Sends a failed message again, with its first {@code client_msg_id}. */
    public void retry(MessageItem failed) {
        if (failed.status() == MessageItem.Status.FAILED) {
            outbox.retry(failed.clientMsgId());
        }
    }

    /** Deletes one of the person's own stored messages, or drops a failed one from the outbox. */
    public void delete(MessageItem item) {
        if (item.own() && item.status() == MessageItem.Status.FAILED) {
            outbox.discard(item.clientMsgId());
            return;
        }
        if (!item.own() || !item.stored()) {
            return;
        }
        background.run(
                () -> {
                    session.api().deleteMessage(chat.id(), item.message().id());
                    return item;
                },
                deleted -> removeStored(deleted.message().id()),
                failure -> problem.set(problems.describe(failure)));
    }

    /**
     * After a reconnect: the messages shown are read again, so that edits, reactions and deletions
     * made while the socket was down show too (new messages come with the socket's catch-up). The
     * newest {@link #REFRESHED_MAX} are read, which covers what a person has on screen.
     */
    private void refreshShown() {
        Long oldest = oldestStored();
        long newest = newestStored;
        if (oldest == null) {
            return;
        }
        background.run(
                () -> {
                    List<Message> read = new ArrayList<>();
                    Long before = null;
                    while (read.size() < REFRESHED_MAX) {
                        List<Message> page =
                                session.api().history(chat.id(), before, PAGE).results();
                        read.addAll(page);
                        if (page.size() < PAGE || page.getLast().id() <= oldest) {
                            return new Reread(
                                    read,
                                    page.size() < PAGE ? 0 : page.getLast().id());
                        }
                        before = page.getLast().id();
                    }
                    return new Reread(read, read.getLast().id());
                },
                reread -> reconcile(reread, newest),
                failure -> LOG.debug("Could not read chat {} again after a reconnect", chat.id(), failure));
    }

    /** Messages read again, newest first, and the oldest id they cover (0: back to the chat's start). */
    private record Reread(List<Message> messages, long coveredFrom) {}

    private void reconcile(Reread reread, long newestThen) {
        Map<Long, Message> now = new HashMap<>();
        reread.messages().forEach(message -> now.put(message.id(), message));
        for (MessageItem item : List.copyOf(items)) {
            if (!item.stored() || item.id() < reread.coveredFrom() || item.id() > newestThen) {
                continue;
            }
            Message current = now.get(item.id());
            if (current == null) {
                removeStored(item.id());
                continue;
            }
            if (!Objects.equals(current.editedAt(), item.message().editedAt())) {
                edited(current);
            }
            reactionsChanged(current.id(), current.reactions() == null ? List.of() : current.reactions());
        }
    }

    /** Loads the page before the oldest message shown. */
    public void loadOlder() {
        if (loadingOlder.get() || !hasOlder.get()) {
            return;
        }
        Long oldest = oldestStored();
        loadingOlder.set(true);
        background.run(() -> session.api().history(chat.id(), oldest, PAGE), this::olderLoaded, failure -> {
            loadingOlder.set(false);
            problem.set(problems.describe(failure));
        });
    }

    private Long oldestStored() {
        return items.stream()
                .filter(MessageItem::stored)
                .map(MessageItem::id)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        outbox.entries().removeListener(outboxChanged);
        delivered.unsubscribe();
        if (!draft.get().isBlank()) {
            socket.send(Map.of("type", "stop_typing"));
        }
        socket.close();
    }

    /**
     * Shows the outbox's messages for this chat last, as sending or failed: added, changed or
     * removed to match it, except those whose stored message is shown already.
     */
    private void showUnsent() {
        Map<String, MessageItem> wanted = new LinkedHashMap<>();
        for (OutboxEntry entry : outbox.entries()) {
            if (entry.chatId() == chat.id() && !storedAlready(entry.clientMsgId())) {
                var item = MessageItem.sending(
                        entry.clientMsgId(),
                        entry.text(),
                        entry.written(),
                        session.me(),
                        outbox.uploadsOf(entry),
                        entry.replyTo());
                wanted.put(entry.clientMsgId(), entry.failed() ? item.failed() : item);
            }
        }
        items.removeIf(item -> unsent(item) && !wanted.containsKey(item.clientMsgId()));
        wanted.forEach((clientMsgId, item) -> {
            int at = indexOfUnsent(clientMsgId);
            boolean nowFailed = item.status() == MessageItem.Status.FAILED
                    && (at < 0 || items.get(at).status() != MessageItem.Status.FAILED);
            if (at < 0) {
                items.add(item);
            } else if (items.get(at).status() != item.status()) {
                items.set(at, item);
            }
            if (nowFailed) {
                // Why the server refused it, as the conversation said before the outbox kept it.
                outbox.entries().stream()
                        .filter(entry -> entry.clientMsgId().equals(clientMsgId) && entry.problem() != null)
                        .findFirst()
                        .ifPresent(entry -> problem.set(entry.problem()));
            }
        });
    }

    private static boolean unsent(MessageItem item) {
        return item.own()
                && !item.stored()
                && (item.status() == MessageItem.Status.SENDING || item.status() == MessageItem.Status.FAILED);
    }

    private int indexOfUnsent(String clientMsgId) {
        for (int i = items.size() - 1; i >= 0; i--) {
            MessageItem item = items.get(i);
            if (unsent(item) && clientMsgId.equals(item.clientMsgId())) {
                return i;
            }
        }
        return -1;
    }

    private boolean storedAlready(String clientMsgId) {
        for (int i = items.size() - 1; i >= 0; i--) {
            MessageItem item = items.get(i);
            if (item.stored() && item.own() && clientMsgId.equals(item.clientMsgId())) {
                return true;
            }
        }
        return false;
    }

    /** A stored message, from the send's answer or the socket: added once, in id order, and read if in view. */
    private void stored(Message message) {
        if (add(message)) {
            markRead();
        }
    }

    /** Adds a message unless it is already shown (or of another chat); whether it was added. */
    private boolean add(Message message) {
        if (message.chatId() != chat.id() || !shown.add(message.id())) {
            return false;
        }
        MessageItem item = storedItem(message);
        if (message.clientMsgId() != null) {
            // The person's own pending copy, or the agent's reply as it was being written.
            items.removeIf(existing -> !existing.stored()
                    && existing.authorId() == item.authorId()
                    && message.clientMsgId().equals(existing.clientMsgId()));
        }
        insertInOrder(item);
        newestStored = Math.max(newestStored, message.id());
        stopTyping(item.authorId());
        return true;
    }

    private void insertInOrder(MessageItem item) {
        int at = items.size();
        while (at > 0 && ORDER.compare(items.get(at - 1), item) > 0) {
            at--;
        }
        items.add(at, item);
    }

    private void removeStored(long messageId) {
        if (editing.get() != null && editing.get().id() == messageId) {
            cancelEdit();
        }
        if (replying.get() != null && replying.get().id() == messageId) {
            cancelReply();
        }
        if (shown.remove(messageId)) {
            items.removeIf(item -> item.stored() && item.id() == messageId);
        }
        requote(messageId, ReplyQuote.deleted(messageId));
    }

    private void history(HistoryEvent page) {
        boolean first = !loaded.get();
        if (first) {
            // The newest page of a fresh socket: everything older is one HTTP page away.
            hasOlder.set(page.hasMore() || page.messages().size() >= PAGE);
            firstUnread.set(firstUnreadOf(page.messages()));
        }
        page.messages().forEach(this::add);
        if (first && firstUnread.get() == 0 && unreadAtOpen > 0 && unreadAtOpen <= SEEK_MAX && hasOlder.get()) {
            // More were unread than the newest page holds: older pages first, to open at the first of them.
            seekFirstUnread();
            return;
        }
        opened(first);
        // A page after a reconnect (after_id) that says more follow: ask for the next one.
        if (page.hasMore() && (!first || page.afterId() != null)) {
            socket.send(Map.of("type", "catch_up"));
        }
    }

    /** The chat is ready to show: read what is in view, and go to a message asked for meanwhile. */
    private void opened(boolean first) {
        loaded.set(true);
        markRead();
        if (first && jumpWhenLoaded != 0) {
            long wanted = jumpWhenLoaded;
            jumpWhenLoaded = 0;
            jumpTo(wanted);
        }
    }

    /**
     * Loads older pages until the first message unread at opening is among them (or there are
     * no more), then opens the chat there: a person coming back to 200 unread messages starts at
     * the first, under the "new messages" line, not at the newest with the rest passed over.
     */
    private void seekFirstUnread() {
        Long oldest = oldestStored();
        background.run(
                () -> session.api().history(chat.id(), oldest, SEEK_PAGE),
                page -> {
                    addOlder(page);
                    long found = firstUnreadInItems();
                    if (found != 0 || !hasOlder.get()) {
                        firstUnread.set(found);
                        opened(true);
                    } else {
                        seekFirstUnread();
                    }
                },
                failure -> opened(true));
    }

    /** Of the messages shown, the first of the others' that were unread at opening; 0 when not among them. */
    private long firstUnreadInItems() {
        long counted = 0;
        for (MessageItem item : items.reversed()) {
            if (item.stored() && item.authorId() >= 0 && !item.own() && ++counted == unreadAtOpen) {
                return item.id();
            }
        }
        return 0;
    }

    /** Of the newest page (oldest first), the first of the others' messages that were unread at opening. */
    private long firstUnreadOf(List<Message> newest) {
        if (unreadAtOpen <= 0) {
            return 0;
        }
        long counted = 0;
        long first = 0;
        for (Message message : newest.reversed()) {
            if (message.author() != null && UserIds.idOf(message.author()) != myId()) {
                first = message.id();
                if (++counted == unreadAtOpen) {
                    return first;
                }
            }
        }
        // More were unread than this page holds: the line would be in the wrong place, so none.
        return 0;
    }

    /** The line for a stored message, its author the one object this chat keeps for that person. */
    private MessageItem storedItem(Message message) {
        UserRef author = message.author();
        if (author != null) {
            UserRef kept = authors.putIfAbsent(author, author);
            if (kept != null && kept != author) {
                message = message.withAuthor(kept);
            }
        }
        return MessageItem.stored(message, myId());
    }

    private void olderLoaded(MessagePage page) {
        loadingOlder.set(false);
        addOlder(page);
    }

    private void addOlder(MessagePage page) {
        List<MessageItem> older = new ArrayList<>();
        for (Message message : page.results()) {
            if (message.chatId() == chat.id() && shown.add(message.id())) {
                older.add(storedItem(message));
            }
        }
        older.sort(ORDER);
        items.addAll(0, older);
        hasOlder.set(page.next() != null);
    }

    /** Where the socket connects: the newest page first time, then only what came after the last message it has. */
    private String socketPath() {
        long newest = newestStored;
        return "/api/v1/chat/" + chat.id() + (newest > 0 ? "?after_id=" + newest + "&limit=100" : "?limit=" + PAGE);
    }

    private void markRead() {
        if (!inView.get()) {
            return;
        }
        long seen = seenUpTo.get();
        long newest = items.stream()
                .filter(item -> item.stored() && !item.own() && item.id() <= seen)
                .mapToLong(MessageItem::id)
                .max()
                .orElse(0);
        if (newest > lastRead) {
            lastRead = newest;
            if (!socket.send(Map.of("type", "mark_read", "up_to_message_id", newest))) {
                background.run(() -> session.api().markRead(chat.id(), newest), read -> {}, failure -> lastRead = 0);
            }
        }
    }

    private void draftChanged(String now) {
        if (editing.get() != null) {
            return; // an edit is neither the chat's draft nor typing a new message
        }
        drafts.keep(chat.id(), now);
        Instant at = clock.instant();
        if (now == null || now.isBlank()) {
            if (!typingSentAt.equals(Instant.EPOCH)) {
                socket.send(Map.of("type", "stop_typing"));
                typingSentAt = Instant.EPOCH;
            }
            return;
        }
        // Throttled: the server repeats "typing" to others and expires it itself.
        if (Duration.between(typingSentAt, at).compareTo(TYPING_SEND_EVERY) >= 0
                && socket.send(Map.of("type", "typing"))) {
            typingSentAt = at;
        }
    }

    private void typing(TypingEvent event) {
        long who = UserIds.idOf(event.author());
        if (who == myId()) {
            return;
        }
        if (event.type().equals("typing")) {
            typingUntil.put(who, clock.instant().plus(TYPING_SHOWN_FOR));
            typingNames.put(who, event.author().name());
            timers.schedule(
                    () -> background.onUi(this::expireTyping), TYPING_SHOWN_FOR.toMillis() + 50, TimeUnit.MILLISECONDS);
        } else {
            stopTyping(who);
        }
        showTyping();
    }

    private void stopTyping(long who) {
        if (typingUntil.remove(who) != null) {
            typingNames.remove(who);
            showTyping();
        }
    }

    private void expireTyping() {
        Instant now = clock.instant();
        typingUntil.entrySet().removeIf(entry -> {
            boolean expired = !entry.getValue().isAfter(now);
            if (expired) {
                typingNames.remove(entry.getKey());
            }
            return expired;
        });
        showTyping();
    }

    private void showTyping() {
        List<String> names = List.copyOf(typingNames.values());
        typing.set(
                switch (names.size()) {
                    case 0 -> "";
                    case 1 -> text.get("conversation.typing.one", names.get(0));
                    case 2 -> text.get("conversation.typing.two", names.get(0), names.get(1));
                    default -> text.get("conversation.typing.many", names.size());
                });
    }

    /** The agent's reply so far, shown in place until the finished message replaces it. */
    private void agentWriting(AgentReplyEvent reply) {
        if (reply.chatId() != chat.id()) {
            return;
        }
        var writing = MessageItem.writing(
                reply.replyId(),
                reply.text(),
                clock.instant(),
                UserIds.idOf(reply.author()),
                reply.author().name());
        for (int i = 0; i < items.size(); i++) {
            MessageItem item = items.get(i);
            if (!item.stored() && reply.replyId().equals(item.clientMsgId()) && item.authorId() == writing.authorId()) {
                items.set(i, writing);
                return;
            }
        }
        items.add(writing);
    }

    /** Reads the others' positions afresh (at every (re)connect: frames missed meanwhile are covered). */
    private void loadReadPositions() {
        background.run(
                () -> session.api().readPositions(chat.id()),
                positions -> {
                    boolean moved = false;
                    for (var position : positions.positions()) {
                        long userId = UserIds.idOf(position.user());
                        String name = position.user().name();
                        moved |= receipts.read(userId, name, position.lastReadMessageId());
                        moved |= receipts.delivered(userId, name, position.lastDeliveredMessageId());
                    }
                    if (moved) {
                        receiptsChanged.set(receiptsChanged.get() + 1);
                    }
                },
                failure -> {
                    // Receipts are a nicety: an older server without read positions shows none.
                });
    }

    private void someoneRead(ReadEvent read) {
        if (read.chatId() == chat.id()
                && read.user() != null
                && receipts.read(UserIds.idOf(read.user()), read.user().name(), read.lastReadMessageId())) {
            receiptsChanged.set(receiptsChanged.get() + 1);
        }
    }

    private void someoneReceived(DeliveredEvent delivered) {
        if (delivered.chatId() == chat.id()
                && delivered.user() != null
                && receipts.delivered(
                        UserIds.idOf(delivered.user()), delivered.user().name(), delivered.lastDeliveredMessageId())) {
            receiptsChanged.set(receiptsChanged.get() + 1);
        }
    }

    /** The chat socket's frames, moved to the FX thread. */
    private final class Frames implements RealtimeListener {
        @Override
        public void connected() {
            background.onUi(() -> {
                loadReadPositions();
                if (connectedBefore) {
                    refreshShown();
                }
                connectedBefore = true;
            });
        }

        @Override
        public void frame(ServerEvent event) {
            background.onUi(() -> {
                switch (event) {
                    case HistoryEvent page -> history(page);
                    case Message message when EventTypes.MESSAGE_EDITED.equals(message.type()) -> edited(message);
                    case Message message -> stored(message);
                    case TypingEvent typingEvent -> typing(typingEvent);
                    case MessageDeletedEvent deleted -> removeStored(deleted.messageId());
                    case ChatDeletedEvent deleted -> gone.set(true);
                    case AgentReplyEvent reply -> agentWriting(reply);
                    case ReadEvent read -> someoneRead(read);
                    case DeliveredEvent delivered -> someoneReceived(delivered);
                    case ReactionEvent reaction
                    when reaction.chatId() == chat.id() -> reactionsChanged(reaction.messageId(), reaction.reactions());
                    default -> {
                        // reads, member changes, agent replies: shown by later parts of the app
                    }
                }
            });
        }

        @Override
        public void ended(int code) {
            if (code != 1000) {
                background.onUi(() -> gone.set(true));
            }
        }
    }
}
