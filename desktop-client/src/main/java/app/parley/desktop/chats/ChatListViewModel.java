package app.parley.desktop.chats;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.chat.ChatRoom;
import app.parley.model.event.ChatCreatedEvent;
import app.parley.model.event.ChatDeletedEvent;
import app.parley.model.event.ChatMutedEvent;
import app.parley.model.event.ChatUpdatedEvent;
import app.parley.model.event.EventTypes;
import app.parley.model.event.LastMessageEvent;
import app.parley.model.event.MembersChangedEvent;
import app.parley.model.event.MentionCountEvent;
import app.parley.model.event.MessageDeletedEvent;
import app.parley.model.event.ReadEvent;
import app.parley.model.event.ServerEvent;
import app.parley.model.message.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The signed-in person's chats, most recently active first, each with its unread count; the
 * filter box narrows them by name. {@link #totalUnreadProperty()} feeds the window title.
 */
public final class ChatListViewModel {

    private final ApiClient api;
    private final long myId;
    /** Told of a chat just before it leaves the list, so an open conversation of it can close first. */
    private LongConsumer onChatGone = chatId -> {};

    private final Background background;
    private final ProblemText problems;
    private final Consumer<Throwable> onSessionProblem;
    private final AvatarPhotos photos;
    private final ObservableSet<Long> unsentChats;

    private final ObservableList<ChatRoom> chats = FXCollections.observableArrayList();
    private final FilteredList<ChatRoom> filtered = new FilteredList<>(chats);
    /**
     * When a chat without messages came into the list while the app ran (a group just made, a
     * chat someone just started): it ranks as if its last activity were then, so it shows on top,
     * not below every chat that has a message.
     */
    private final Map<Long, Instant> appeared = new HashMap<>();

    private boolean everLoaded;

    private final Comparator<ChatRoom> byActivity = Comparator.comparing(this::lastActivity)
            .reversed()
            .thenComparing(Comparator.comparingLong(ChatRoom::id).reversed());
    private final SortedList<ChatRoom> visible = new SortedList<>(filtered, byActivity);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final javafx.beans.property.LongProperty requested =
            new javafx.beans.property.SimpleLongProperty(this, "requested", -1);
    private final Clock clock;
    /** Muted chats count only for their mentions: a muted group's chatter leaves the total alone. */
    private final LongBinding totalUnread = Bindings.createLongBinding(
            () -> chats.stream()
                    .mapToLong(chat -> chatMuted(chat) ? chat.mentionCount() : chat.unreadCount())
                    .sum(),
            chats);

    public ChatListViewModel(
            ApiClient api,
            long myId,
            Background background,
            ProblemText problems,
            Consumer<Throwable> onSessionProblem,
            ObservableSet<Long> unsentChats,
            Clock clock) {
        this.clock = clock;
        this.api = api;
        this.myId = myId;
        this.background = background;
        this.problems = problems;
        this.onSessionProblem = onSessionProblem;
        this.photos = new AvatarPhotos(api, background);
        this.unsentChats = unsentChats;
        filter.subscribe(typed -> {
            var names = new ChatNameFilter(typed);
            filtered.setPredicate(chat -> names.matches(chat.name()));
        });
    }

    /** The photos of this session's avatars, shared by the list and the screens opened from it. */
    public AvatarPhotos photos() {
        return photos;
    }

    /** The chats with messages still waiting in the outbox: the list marks them. */
    public ObservableSet<Long> unsentChats() {
        return unsentChats;
    }

    /** The chats to show: filtered and sorted, live. */
    public ObservableList<ChatRoom> visibleChats() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public LongBinding totalUnreadProperty() {
        return totalUnread;
    }

    /** A chat to select as soon as the list holds it (one just created); -1 for none. */
    public javafx.beans.property.LongProperty requestedProperty() {
        return requested;
    }

    /** Reloads the list and selects the chat when it is there. */
    public void open(long chatId) {
        requested.set(chatId);
        reload();
    }

    /** Reads the whole list again from the server (at start and after a reconnect). */
    public void reload() {
        loading.set(true);
        background.run(api::chats, this::loaded, this::failed);
    }

    /** Replaces one chat's entry (a new message, a read, a rename) or adds it. */
    public void upsert(ChatRoom updated) {
        for (int i = 0; i < chats.size(); i++) {
            if (chats.get(i).id() == updated.id()) {
                chats.set(i, updated);
                return;
            }
        }
        appeared.put(updated.id(), clock.instant());
        chats.add(updated);
    }

    private Instant lastActivity(ChatRoom chat) {
        if (chat.lastMessage() != null && chat.lastMessage().time() != null) {
            return chat.lastMessage().time();
        }
        return appeared.getOrDefault(chat.id(), Instant.EPOCH);
    }

    /** Drops a chat this person no longer has (deleted, or they left or were removed). */
    public void remove(long chatId) {
        if (find(chatId).isEmpty()) {
            return;
        }
        onChatGone.accept(chatId);
        chats.removeIf(chat -> chat.id() == chatId);
    }

    /** Who to tell when a chat leaves the list (the open conversation closes if it is that chat). */
    public void setOnChatGone(LongConsumer onChatGone) {
        this.onChatGone = Objects.requireNonNull(onChatGone);
    }

    /**
     * Applies a frame from the main socket: a new last message (with this person's new unread
     * count), its text edited, a read on another device, a deleted message, a chat created, renamed or deleted, or left. Frames about
     * chats the list does not hold yet reload the list.
     */
    public void apply(ServerEvent event) {
        switch (event) {
            case LastMessageEvent last ->
                find(last.chatId())
                        .ifPresentOrElse(
                                chat -> upsert(with(
                                        chat,
                                        last.message(),
                                        last.unreadCount(),
                                        last.mentionCount() == null ? chat.mentionCount() : last.mentionCount())),
                                this::reload);
            case Message edited
            when EventTypes.MESSAGE_EDITED.equals(edited.type()) ->
                find(edited.chatId())
                        .filter(chat ->
                                chat.lastMessage() != null && chat.lastMessage().id() == edited.id())
                        .ifPresent(chat -> upsert(with(
                                chat, edited.withType(Message.TYPE_MESSAGE), chat.unreadCount(), chat.mentionCount())));
            case ReadEvent read
            when read.unreadCount() != null ->
                find(read.chatId())
                        .ifPresent(chat -> upsert(with(
                                chat,
                                chat.lastMessage(),
                                read.unreadCount(),
                                // the reader's own read: an absent count means no unread mention is left
                                read.mentionCount() == null ? 0 : read.mentionCount())));
            case MessageDeletedEvent deleted
            when deleted.unreadCount() != null ->
                find(deleted.chatId())
                        .ifPresent(chat -> upsert(with(
                                chat,
                                deleted.lastMessage(),
                                deleted.unreadCount(),
                                // sent with the unread count: an absent mention count means none is left
                                deleted.mentionCount() == null ? 0 : deleted.mentionCount())));
            case ChatCreatedEvent created -> reload();
            case MembersChangedEvent changed when namesMe(changed) -> remove(changed.chatId());
            case MembersChangedEvent changed -> reload();
            case ChatDeletedEvent deleted -> remove(deleted.chatId());
            case ChatUpdatedEvent updated -> renamed(updated);
            case ChatMutedEvent mute -> muted(mute);
            case MentionCountEvent recount ->
                find(recount.chatId())
                        .ifPresent(chat ->
                                upsert(with(chat, chat.lastMessage(), chat.unreadCount(), recount.mentionCount())));
            default -> {
                // typing and the rest: nothing to show in the list
            }
        }
    }

    /** Whether the person has muted the chat and the mute still holds. */
    public boolean chatMuted(ChatRoom chat) {
        return chat.mutedAt(clock.instant());
    }

    /** Counts again which mutes still hold: a timed mute that ran out stops keeping its chat out of the total. */
    public void recheckMutes() {
        totalUnread.invalidate();
    }

    /** Mutes the chat for a while, or until unmuted when {@code forHowLong} is null. */
    public void mute(long chatId, Duration forHowLong) {
        Instant until = forHowLong == null ? null : clock.instant().plus(forHowLong);
        background.run(() -> api.mute(chatId, until), this::muted, this::failed);
    }

    public void unmute(long chatId) {
        background.run(() -> api.unmute(chatId), this::muted, this::failed);
    }

    private void muted(ChatMutedEvent mute) {
        find(mute.chatId())
                .ifPresent(chat -> upsert(new ChatRoom(
                        chat.id(),
                        chat.uuid(),
                        chat.name(),
                        chat.type(),
                        chat.roomName(),
                        chat.otherUser(),
                        chat.lastMessage(),
                        chat.unreadCount(),
                        chat.mentionCount(),
                        mute.muted(),
                        mute.mutedUntil())));
    }

    /** The chat with this id, if the list has it. */
    public Optional<ChatRoom> find(long chatId) {
        return chats.stream().filter(chat -> chat.id() == chatId).findFirst();
    }

    /** This person left the group or was removed from it. */
    private boolean namesMe(MembersChangedEvent changed) {
        return EventTypes.MEMBERS_REMOVED.equals(changed.type())
                && changed.users().stream().anyMatch(user -> UserIds.idOf(user) == myId);
    }

    /** A group's new name and photo: the entry shows both (the photo's URL stays, so it is fetched again). */
    private void renamed(ChatUpdatedEvent updated) {
        photos.forget(AvatarPhotos.ofGroup(updated.chatId()));
        find(updated.chatId())
                .ifPresent(chat -> upsert(new ChatRoom(
                        chat.id(),
                        chat.uuid(),
                        updated.name(),
                        chat.type(),
                        chat.roomName(),
                        chat.otherUser(),
                        chat.lastMessage(),
                        chat.unreadCount(),
                        chat.mentionCount(),
                        chat.muted(),
                        chat.mutedUntil())));
    }

    private static ChatRoom with(ChatRoom chat, Message last, long unread, long mentions) {
        return new ChatRoom(
                chat.id(),
                chat.uuid(),
                chat.name(),
                chat.type(),
                chat.roomName(),
                chat.otherUser(),
                last,
                unread,
                Math.min(mentions, unread),
                chat.muted(),
                chat.mutedUntil());
    }

    private void loaded(List<ChatRoom> rooms) {
        loading.set(false);
        problem.set("");
        if (everLoaded) { // the first list has no news in it; a later one's new chats are new
            Instant now = clock.instant();
            for (ChatRoom room : rooms) {
                if (find(room.id()).isEmpty()) {
                    appeared.put(room.id(), now);
                }
            }
        }
        everLoaded = true;
        chats.setAll(rooms);
    }

    private void failed(Throwable failure) {
        loading.set(false);
        if (failure instanceof app.parley.desktop.net.ApiException refused && refused.sessionEnded()) {
            onSessionProblem.accept(failure);
            return;
        }
        problem.set(problems.describe(failure));
    }
}
