package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.parley.desktop.app.Background;
import app.parley.desktop.app.ParleyDesktopApp;
import app.parley.desktop.attachments.Attachments;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.outbox.Outbox;
import app.parley.desktop.outbox.OutboxStore;
import app.parley.desktop.session.SignedIn;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.desktop.support.Wheel;
import app.parley.desktop.theme.ThemeChoice;
import app.parley.desktop.theme.Themes;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A page of older messages arrives while the reader is somewhere in the conversation, the message
 * at the top half scrolled out of view: it stays exactly where it was, in every frame, and the
 * messages in view are not drawn again. The real conversation screen on a real server.
 */
@Tag("gui")
class OlderMessagesInPlaceTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;
    private ConversationViewModel viewModel;
    private Scene scene;

    @BeforeEach
    void annaOpensALongChatWithBoris() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        ApiClient anna = server.register("anna", "Anna");
        ChatRoom chat = boris.openPrivateChat(anna.me().id());
        for (int i = 1; i <= 160; i++) {
            // Messages of different heights, as a conversation has.
            String text = "message " + i
                    + (i % 3 == 0
                            ? ", which goes on for a while to wrap onto a second line and perhaps a third one as well"
                            : "");
            boris.send(chat.id(), text, "m-" + i, List.of());
        }
        var session = new SignedIn(anna, anna.me(), false, 0);

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages text = Messages.forLocale(Locale.ENGLISH);
            new Themes(ThemeChoice.LIGHT);
            Clock clock = Clock.systemDefaultZone();
            var problems = new ProblemText(text);
            var background = new Background(workers, Platform::runLater);
            var attachments = new Attachments(anna, background, problems, text, home.resolve("cache"));
            var outbox = new Outbox(
                    anna,
                    session.me().id(),
                    attachments,
                    background,
                    timers,
                    clock,
                    new OutboxStore(home.resolve("outbox.json"), ParleyJson.mapper()),
                    problems);
            var realtime = new RealtimeClient(
                    HttpClient.newHttpClient(),
                    ParleyJson.mapper(),
                    timers,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(1));
            viewModel = new ConversationViewModel(
                    session,
                    chat,
                    realtime,
                    background,
                    problems,
                    text,
                    clock,
                    timers,
                    new Drafts(),
                    attachments,
                    outbox);
            var view = new ConversationView(viewModel, new ChatHeaderViewModel(chat), null, text, clock, link -> {});
            scene = new Scene(view.root(), 700, 500);
            scene.getStylesheets()
                    .add(ParleyDesktopApp.class.getResource("parley.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> viewModel.loadedProperty().get() && flow().getFirstVisibleCell() != null));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // settled at the newest message
    }

    @AfterEach
    void stop() throws Exception {
        Ui.onFx(() -> {
            viewModel.close();
            return null;
        });
        FxToolkit.cleanupStages();
        workers.shutdownNow();
        timers.shutdownNow();
        server.close();
    }

    @Test
    void theMessageAtTheTopStaysWhereItWasInEveryFrameAndIsNotDrawnAgain() throws Exception {
        int before = Ui.onFx(() -> viewModel.items().size());
        // Up a little from the newest, so the top message is cut by the list's edge.
        Ui.onFx(() -> readerScrollsUp(230));
        WaitForAsyncUtils.waitForFxEvents(3);
        IndexedCell<?> top = Ui.onFx(() -> flow().getFirstVisibleCell());
        MessageItem reading = Ui.onFx(() -> (MessageItem) top.getItem());
        double y = Ui.onFx(() -> top.getLayoutY());
        List<String> seenAtTop = new CopyOnWriteArrayList<>();
        Ui.onFx(() -> {
            scene.addPostLayoutPulseListener(() -> {
                var first = flow().getFirstVisibleCell();
                seenAtTop.add(
                        first == null || first.getItem() == null
                                ? "nothing"
                                : ((MessageItem) first.getItem()).text() + " at " + first.getLayoutY());
            });
            viewModel.loadOlder();
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> viewModel.items().size() > before));
        WaitForAsyncUtils.waitForFxEvents(5);

        assertEquals(before + 50, Ui.onFx(() -> viewModel.items().size()));
        assertEquals(
                List.of(reading.text() + " at " + y),
                seenAtTop.stream().distinct().toList(),
                "in every frame, the message at the top is the one being read, at the same height");
        assertSame(
                top,
                Ui.onFx(() -> flow().getFirstVisibleCell()),
                "the message at the top is still in the cell that drew it");
        assertSame(reading, Ui.onFx(() -> top.getItem()));
        assertEquals(y, Ui.onFx(() -> top.getLayoutY()), 0.5);
    }

    @Test
    void scrollingUpAfterAPageArrivedShowsItsMessagesInOrderWithoutGaps() throws Exception {
        int before = Ui.onFx(() -> viewModel.items().size());
        Ui.onFx(() -> readerScrollsUp(230));
        WaitForAsyncUtils.waitForFxEvents(3);
        Ui.onFx(() -> {
            viewModel.loadOlder();
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> viewModel.items().size() > before));
        WaitForAsyncUtils.waitForFxEvents(5);

        // The new messages' heights were estimated: as they come into view, each lies right below
        // the one before it.
        for (int step = 0; step < 12; step++) {
            Ui.onFx(() -> readerScrollsUp(120));
            WaitForAsyncUtils.waitForFxEvents(2);
            Ui.onFx(() -> {
                VirtualFlow<?> flow = flow();
                IndexedCell<?> previous = null;
                for (int i = flow.getFirstVisibleCell().getIndex();
                        i <= flow.getLastVisibleCell().getIndex();
                        i++) {
                    IndexedCell<?> cell = flow.getVisibleCell(i);
                    assertSame(viewModel.items().get(i), cell.getItem(), "cell " + i + " shows message " + i);
                    if (previous != null) {
                        assertEquals(
                                previous.getLayoutY() + previous.getHeight(),
                                cell.getLayoutY(),
                                0.5,
                                "message " + i + " starts where the one above it ends");
                    }
                    previous = cell;
                }
                return null;
            });
        }
    }

    private ListView<?> list() {
        return robot.lookup("#messageList").queryAs(ListView.class);
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) list().lookup(".virtual-flow");
    }

    /**
     * Scrolls up by exactly {@code pixels}, as the reader: a wheel event first (the view tells
     * the reader's own scrolling from a list that grew by such input, and holds the newest
     * message otherwise), then the flow moved by the pixels the test needs.
     */
    private double readerScrollsUp(double pixels) {
        Wheel.turn(flow(), 0);
        return flow().scrollPixels(-pixels);
    }
}
