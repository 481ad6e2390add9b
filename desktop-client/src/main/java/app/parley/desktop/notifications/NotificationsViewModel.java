package app.parley.desktop.notifications;

import app.parley.desktop.app.Background;
import app.parley.desktop.chats.MessagePreview;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.event.LastMessageEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * In-app notifications of new messages: one toast per message from someone else in a chat the
 * person is not looking at (another chat is open, or the window is not focused) and has not
 * muted (a mention of them notifies even in a muted chat), at most
 * {@value #MAX_SHOWN} at once, each gone by itself after a while (not while the pointer rests on it:
 * someone reading a toast keeps it); a click opens its chat. While
 * the window is not focused the same notice also goes to the system (the tray), where a toast
 * inside the window would go unseen.
 */
public final class NotificationsViewModel {
    static final int MAX_SHOWN = 3;
    private static final Duration SHOWN_FOR = Duration.ofSeconds(6);
    private static final int BODY_MAX = 120;

    private final long myId;
    private final Messages text;
    private final MessagePreview previews;
    private final Background background;
    private final ScheduledExecutorService timers;
    private final LongSupplier chatInView;
    private final BooleanSupplier windowFocused;
    private final LongConsumer openChat;
    private final ObservableList<Notice> shown = FXCollections.observableArrayList();
    /** Made once: a read-only view listens to its list only weakly, and one made per call was collected with the view's listener. */
    private final ObservableList<Notice> readOnlyShown = FXCollections.unmodifiableObservableList(shown);

    private final Duration shownFor;
    private final Clock clock;
    /** Toasts under the pointer, and those of them whose time ran out meanwhile. FX thread only. */
    private final Set<Notice> held = new HashSet<>();

    private final Set<Notice> due = new HashSet<>();

    private final List<Consumer<Notice>> systemListeners = new CopyOnWriteArrayList<>();

    /**
     * @param chatInView the id of the chat open in the window (0 for none)
     * @param openChat opens a chat by id
     */
    public NotificationsViewModel(
            long myId,
            Messages text,
            Background background,
            ScheduledExecutorService timers,
            LongSupplier chatInView,
            BooleanSupplier windowFocused,
            LongConsumer openChat,
            Clock clock) {
        this(myId, text, background, timers, chatInView, windowFocused, openChat, clock, SHOWN_FOR);
    }

    NotificationsViewModel(
            long myId,
            Messages text,
            Background background,
            ScheduledExecutorService timers,
            LongSupplier chatInView,
            BooleanSupplier windowFocused,
            LongConsumer openChat,
            Clock clock,
            Duration shownFor) {
        this.clock = clock;
        this.shownFor = shownFor;
        this.myId = myId;
        shown.addListener((ListChangeListener<Notice>) change -> {
            while (change.next()) {
                held.removeAll(change.getRemoved());
                due.removeAll(change.getRemoved());
            }
        });
        this.text = text;
        this.previews = new MessagePreview(text);
        this.background = background;
        this.timers = timers;
        this.chatInView = chatInView;
        this.windowFocused = windowFocused;
        this.openChat = openChat;
    }

    /** The toasts showing, oldest first. Changed on the FX thread only. */
    public ObservableList<Notice> shown() {
        return readOnlyShown;
    }

    /** Hears the notices meant for the system's own notifications: those that arrive while the window is not focused. */
    public Subscription onSystemNotice(Consumer<Notice> listener) {
        systemListeners.add(listener);
        return () -> systemListeners.remove(listener);
    }

    /**
     * A new message somewhere: a toast unless it is the person's own or they are looking at its
     * chat; also a system notice when the window is not focused.
     */
    public void arrived(LastMessageEvent message, Optional<ChatRoom> chat) {
        if (isMine(message.author()) || message.unreadCount() == 0) {
            return;
        }
        if (!message.mention()
                && chat.map(room -> room.mutedAt(clock.instant())).orElse(false)) {
            return; // a muted chat stays quiet, except for a mention of the person
        }
        boolean focused = windowFocused.getAsBoolean();
        if (focused && chatInView.getAsLong() == message.chatId()) {
            return;
        }
        String author = message.author() == null ? "" : message.author().name();
        String title = chat.filter(room -> room.type() == ChatType.GROUP)
                .map(room -> text.get(
                        message.mention() ? "notifications.mentionInGroup" : "notifications.inGroup",
                        author,
                        room.name()))
                .orElse(message.mention() ? text.get("notifications.mention", author) : author);
        MessagePreview.Line line = previews.of(message.text(), message.attachments());
        var notice = new Notice(message.chatId(), message.id(), title, shortened(line.text()), line.files());
        shown.removeIf(old -> old.chatId() == notice.chatId());
        shown.add(notice);
        while (shown.size() > MAX_SHOWN) {
            shown.removeFirst();
        }
        removeLater(notice, shownFor);
        if (!focused) {
            systemListeners.forEach(listener -> listener.accept(notice));
        }
    }

    /** The pointer rests on a toast: it stays until the pointer leaves. */
    public void hold(Notice notice) {
        held.add(notice);
    }

    /** The pointer left a toast: one whose time ran out meanwhile goes shortly after. */
    public void release(Notice notice) {
        held.remove(notice);
        if (due.remove(notice)) {
            removeLater(notice, shownFor.dividedBy(3));
        }
    }

    private void removeLater(Notice notice, Duration after) {
        timers.schedule(() -> background.onUi(() -> expire(notice)), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire(Notice notice) {
        if (held.contains(notice)) {
            due.add(notice);
        } else {
            shown.remove(notice);
        }
    }

    public void open(Notice notice) {
        shown.remove(notice);
        openChat.accept(notice.chatId());
    }

    public void dismiss(Notice notice) {
        shown.remove(notice);
    }

    /** Opening a chat answers its toasts. */
    public void chatOpened(long chatId) {
        shown.removeIf(notice -> notice.chatId() == chatId);
    }

    private boolean isMine(UserRef author) {
        return author != null && UserIds.idOf(author) == myId;
    }

    private static String shortened(String body) {
        return body.length() > BODY_MAX ? body.substring(0, BODY_MAX - 1) + "…" : body;
    }
}
