package app.parley.desktop.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.event.LastMessageEvent;
import app.parley.model.file.Attachment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which new messages become toasts, without the UI. */
class NotificationsViewModelTest {
    private static final long ME = 1;
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UserRef BORIS = UserRef.of(2, "Boris", "boris");

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> opened = new ArrayList<>();
    private long inView = 0;
    private boolean focused = true;
    private final NotificationsViewModel notifications = new NotificationsViewModel(
            ME,
            Messages.forLocale(Locale.ENGLISH),
            new Background(Runnable::run, Runnable::run),
            timers,
            () -> inView,
            () -> focused,
            opened::add,
            CLOCK);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void aMessageInAChatNotInViewBecomesAToastThatOpensTheChat() {
        inView = 10;
        notifications.arrived(message(20, BORIS, "Lunch?\nat noon"), Optional.empty());

        assertEquals(List.of(new Notice(20, 100, "Boris", "Lunch?", false)), notifications.shown());
        notifications.open(notifications.shown().getFirst());
        assertEquals(List.of(20L), opened);
        assertEquals(List.of(), notifications.shown());
    }

    @Test
    void aToastUnderThePointerStaysPastItsTimeAndGoesShortlyAfterThePointerLeaves() throws Exception {
        var quick = new NotificationsViewModel(
                ME,
                Messages.forLocale(Locale.ENGLISH),
                new Background(Runnable::run, Runnable::run),
                timers,
                () -> inView,
                () -> focused,
                opened::add,
                CLOCK,
                Duration.ofMillis(300));
        quick.arrived(message(20, BORIS, "read me slowly"), Optional.empty());
        quick.arrived(message(30, BORIS, "nobody points at me"), Optional.empty());
        Notice pointedAt = quick.shown().getFirst();
        quick.hold(pointedAt);

        Thread.sleep(700);
        assertEquals(List.of(pointedAt), List.copyOf(quick.shown()));

        quick.release(pointedAt);
        Thread.sleep(500);
        assertEquals(List.of(), List.copyOf(quick.shown()));
    }

    @Test
    void aMutedChatIsQuietExceptForAMentionAndAMuteThatHasRunOutIsNone() {
        inView = 10;
        var mutedForever = room(20, true, null);
        var mutedTillNoon = room(30, true, NOW.minusSeconds(1));

        notifications.arrived(message(20, BORIS, "chatter"), Optional.of(mutedForever));
        assertEquals(List.of(), List.copyOf(notifications.shown()));

        notifications.arrived(mentioning(message(20, BORIS, "@anna look")), Optional.of(mutedForever));
        notifications.arrived(message(30, BORIS, "the mute ran out"), Optional.of(mutedTillNoon));
        assertEquals(
                List.of("Boris mentioned you", "Boris"),
                notifications.shown().stream().map(Notice::title).toList());
    }

    private static ChatRoom room(long id, boolean muted, Instant until) {
        return new ChatRoom(id, "r-" + id, "Boris", ChatType.PRIVATE, "private_" + id, BORIS, null, 1, 0, muted, until);
    }

    private static LastMessageEvent mentioning(LastMessageEvent plain) {
        return new LastMessageEvent(
                plain.id(),
                plain.uuid(),
                plain.chatId(),
                plain.type(),
                plain.text(),
                plain.author(),
                plain.time(),
                plain.clientMsgId(),
                plain.unreadCount(),
                plain.attachments(),
                plain.editedAt(),
                true,
                1L,
                plain.authorUuid());
    }

    @Test
    void theChatInViewOfAFocusedWindowAndOnesOwnMessagesAreQuiet() {
        inView = 20;
        notifications.arrived(message(20, BORIS, "seen already"), Optional.empty());
        notifications.arrived(message(30, UserRef.of(ME, "Anna", "anna"), "my own"), Optional.empty());
        assertEquals(List.of(), notifications.shown());

        focused = false;
        notifications.arrived(message(20, BORIS, "while away"), Optional.empty());
        assertEquals(1, notifications.shown().size());
    }

    @Test
    void aGroupsToastSaysWhereAndAtMostThreeShowOnePerChat() {
        var group = new ChatRoom(40, "u", "Проект «Маяк»", ChatType.GROUP, "group_40", null, null, 1);
        notifications.arrived(message(40, BORIS, "first"), Optional.of(group));
        notifications.arrived(message(40, BORIS, "second"), Optional.of(group));
        assertEquals(
                List.of("second"),
                notifications.shown().stream().map(Notice::body).toList());
        assertEquals("Boris in Проект «Маяк»", notifications.shown().getFirst().title());

        for (long chat = 50; chat < 54; chat++) {
            notifications.arrived(message(chat, BORIS, "chat " + chat), Optional.empty());
        }
        assertEquals(
                List.of("chat 51", "chat 52", "chat 53"),
                notifications.shown().stream().map(Notice::body).toList());
    }

    @Test
    void aMessageOfOnlyFilesIsToastedByTheFilesNameOrHowManyThereAre() {
        notifications.arrived(withFiles(20, "photo.png"), Optional.empty());
        notifications.arrived(withFiles(30, "a.txt", "b.txt", "c.txt"), Optional.empty());

        assertEquals(
                List.of(new Notice(20, 100, "Boris", "photo.png", true), new Notice(30, 100, "Boris", "3 files", true)),
                notifications.shown());
    }

    private static LastMessageEvent withFiles(long chatId, String... names) {
        List<Attachment> files = new ArrayList<>();
        for (String name : names) {
            files.add(new Attachment(
                    files.size() + 1L,
                    "f-" + name,
                    chatId,
                    name,
                    300,
                    "application/octet-stream",
                    null,
                    null,
                    "/api/v1/files/1",
                    null,
                    Instant.now()));
        }
        return new LastMessageEvent(
                100, "uuid", chatId, "last_message", "", BORIS, Instant.now(), null, 1, files, null);
    }

    @Test
    void whileTheWindowIsNotFocusedEveryNoticeAlsoGoesToTheSystemEvenForTheChatOpenInIt() {
        List<Notice> toSystem = new ArrayList<>();
        notifications.onSystemNotice(toSystem::add);
        focused = false;
        inView = 20;

        notifications.arrived(message(20, BORIS, "while you were away"), Optional.empty());
        notifications.arrived(message(30, UserRef.of(ME, "Anna", "anna"), "my own"), Optional.empty());

        assertEquals(List.of(new Notice(20, 100, "Boris", "while you were away", false)), toSystem);
    }

    @Test
    void whileTheWindowIsFocusedNothingGoesToTheSystemOnlyToasts() {
        List<Notice> toSystem = new ArrayList<>();
        var subscription = notifications.onSystemNotice(toSystem::add);
        focused = true;
        inView = 10;

        notifications.arrived(message(20, BORIS, "in another chat"), Optional.empty());
        assertEquals(List.of(), toSystem);
        assertEquals(1, notifications.shown().size());

        subscription.unsubscribe();
        focused = false;
        notifications.arrived(message(20, BORIS, "after unsubscribing"), Optional.empty());
        assertEquals(List.of(), toSystem);
    }

    private static LastMessageEvent message(long chatId, UserRef author, String text) {
        return new LastMessageEvent(
                100, "uuid", chatId, "last_message", text, author, Instant.now(), null, 1, List.of(), null);
    }
}
