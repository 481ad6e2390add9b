package app.parley.desktop.app;

import app.parley.desktop.conversation.ConversationViewModel;
import app.parley.model.chat.ChatRoom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Measuring points for the desktop benchmark ({@code docs/benchmarks.md}), off unless asked for.
 * {@code -Dparley.desktop.report-ready=FILE} appends a line to FILE when the chat list first shows
 * its chats ({@code chats EPOCH_MS MS_SINCE_PROCESS_START}), and, with
 * {@code -Dparley.desktop.bench.open-chat=ID}, opens that chat, loads its whole history page by
 * page and appends {@code history EPOCH_MS MS_SINCE_PROCESS_START ITEMS}. Every screen the app
 * shows is reported too, after the pulse that lays it out ({@code screen-ROOT_ID EPOCH_MS
 * MS_SINCE_PROCESS_START}): the installer's test starts the packaged app and waits for its first
 * screen that way.
 */
public final class BenchProbe {
    private final Path report;
    private final long openChatId;
    private boolean chatsReported;
    private boolean historyReported;

    BenchProbe(Path report, long openChatId) {
        this.report = report;
        this.openChatId = openChatId;
    }

    /** The probe the properties ask for; one that does nothing when they name no file. */
    static BenchProbe from(Map<String, String> properties) {
        String file = properties.get("parley.desktop.report-ready");
        String chat = properties.get("parley.desktop.bench.open-chat");
        return new BenchProbe(
                file == null || file.isBlank() ? null : Path.of(file.strip()),
                chat == null || chat.isBlank() ? 0 : Long.parseLong(chat.strip()));
    }

    /** The chat to open at start, or 0. */
    public long openChatId() {
        return report == null ? 0 : openChatId;
    }

    /** Reports a screen once it is laid out, named by its root's id. */
    public void screenShown(Parent root, Scene scene) {
        if (report == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            write("screen-" + root.getId());
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Reports once, after the layout pulse that first puts chats in the list on screen. */
    public void watchChatList(ObservableList<ChatRoom> chats, Scene scene) {
        if (report == null) {
            return;
        }
        chats.subscribe(() -> {
            if (chats.isEmpty() || chatsReported) {
                return;
            }
            chatsReported = true;
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                write("chats");
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }

    /** In the chat named by {@code open-chat}: asks for older pages until there are none, then reports. */
    public void conversationOpened(ConversationViewModel conversation) {
        if (report == null || conversation.chat().id() != openChatId || historyReported) {
            return;
        }
        // Deferred: the page that ends a load is added after its listeners hear that loading ended.
        Runnable next = () -> Platform.runLater(() -> {
            if (!conversation.loadedProperty().get()
                    || conversation.loadingOlderProperty().get()
                    || historyReported) {
                return;
            }
            if (conversation.hasOlderProperty().get()) {
                conversation.loadOlder();
            } else {
                historyReported = true;
                write("history", " " + conversation.items().size());
            }
        });
        conversation.loadedProperty().subscribe(next);
        conversation.loadingOlderProperty().subscribe(next);
    }

    private void write(String what) {
        write(what, "");
    }

    private void write(String what, String more) {
        long now = System.currentTimeMillis();
        long sinceStart = ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> now - start.toEpochMilli())
                .orElse(-1L);
        try {
            Files.writeString(
                    report,
                    what + " " + now + " " + sinceStart + more + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark report " + report, e);
        }
    }
}
