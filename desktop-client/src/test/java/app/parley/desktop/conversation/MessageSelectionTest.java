package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.Background;
import app.parley.desktop.attachments.Attachments;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.outbox.Outbox;
import app.parley.desktop.outbox.OutboxStore;
import app.parley.desktop.session.SignedIn;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
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
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Part of a message's text is selected with the mouse and copied, while its links still open: the
 * real conversation screen on a real server, with the browser replaced by a list of what it was
 * asked to open.
 */
@Tag("gui")
class MessageSelectionTest {
    private static final String MESSAGE = "Hello wonderful world, the notes are at https://parley.example/docs today";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private TestServer server;
    private ConversationViewModel viewModel;

    @BeforeEach
    void annaReadsAMessageFromBoris() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        ApiClient anna = server.register("anna", "Anna");
        ChatRoom chat = boris.openPrivateChat(anna.me().id());
        boris.send(chat.id(), MESSAGE, "m-1", List.of());
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
            var view = new ConversationView(viewModel, new ChatHeaderViewModel(chat), null, text, clock, opened::add);
            var scene = new Scene(view.root(), 700, 500);
            scene.getStylesheets()
                    .add(app.parley.desktop.app.ParleyDesktopApp.class
                            .getResource("parley.css")
                            .toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> messageFlow() != null));
        Ui.onFx(() -> {
            Clipboard.getSystemClipboard().setContent(new ClipboardContent());
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        Ui.onFx(() -> {
            viewModel.close();
            return null;
        });
        FxToolkit.cleanupStages();
        Ui.onFx(() -> new Themes(ThemeChoice.LIGHT));
        workers.shutdownNow();
        timers.shutdownNow();
        server.close();
    }

    @Test
    void draggingOverPartOfAMessageAndPressingCtrlCCopiesThatPart() throws Exception {
        Point2D from = Ui.onFx(() -> screenPointAt(MESSAGE.indexOf("wonderful")));
        Point2D to = Ui.onFx(() -> screenPointAt(MESSAGE.indexOf(" world")));

        robot.moveTo(from)
                .press(MouseButton.PRIMARY)
                .moveTo(from.midpoint(to))
                .moveTo(to)
                .release(MouseButton.PRIMARY);
        Snapshots.save(Ui.onFx(() -> messageFlow().getScene()), "message-selection");
        robot.push(KeyCode.CONTROL, KeyCode.C);

        assertEquals("wonderful", clipboard());
    }

    @Test
    void aDoubleClickSelectsAWordAndTheMenusCopyCopiesIt() throws Exception {
        Point2D inWorld = Ui.onFx(() -> screenPointAt(MESSAGE.indexOf("world") + 2));

        robot.moveTo(inWorld).doubleClickOn(MouseButton.PRIMARY);
        // The menu's own item (the headless platform opens no context menus for a right click).
        Ui.onFx(() -> {
            Node cell = messageFlow();
            while (!(cell instanceof ListCell<?>)) {
                cell = cell.getParent();
            }
            ((ListCell<?>) cell)
                    .getContextMenu().getItems().stream()
                            .filter(item -> item.getText().equals("Copy text"))
                            .findFirst()
                            .orElseThrow()
                            .fire();
            return null;
        });

        assertEquals("world", clipboard());
    }

    @Test
    void aSelectionThatRunsOverALinkCopiesTheLinkWholeAndTheLinkStillOpens() throws Exception {
        Ui.onFx(() -> new Themes(ThemeChoice.DARK)); // and the selection seen in the dark theme
        // The new theme lays the message out again: points are read once that has settled.
        WaitForAsyncUtils.waitForFxEvents(5);
        Point2D from = Ui.onFx(() -> screenPointAt(MESSAGE.indexOf("at https")));
        Point2D to = Ui.onFx(() -> screenPointAt(laidOutIndexOf(" today")));
        robot.moveTo(from)
                .press(MouseButton.PRIMARY)
                .moveTo(from.midpoint(to))
                .moveTo(to)
                .release(MouseButton.PRIMARY);
        Snapshots.save(Ui.onFx(() -> messageFlow().getScene()), "message-selection-link-dark");
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertEquals("at https://parley.example/docs", clipboard());

        robot.clickOn(robot.lookup(".message-link").queryAs(Hyperlink.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.equals(List.of("https://parley.example/docs")));
    }

    private String clipboard() throws Exception {
        return Ui.onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    private TextFlow messageFlow() {
        @SuppressWarnings("unchecked")
        ListView<MessageItem> list = robot.lookup("#messageList").queryAs(ListView.class);
        if (list == null || list.getItems().isEmpty()) {
            return null;
        }
        return robot.lookup(".message-body").queryAll().stream()
                .filter(Node::isVisible)
                .filter(node ->
                        node.getScene() != null && node.getLayoutBounds().getWidth() > 0)
                .map(TextFlow.class::cast)
                .findFirst()
                .orElse(null);
    }

    /** A link is one character of the laid-out flow, whatever its length. */
    private static int laidOutIndexOf(String part) {
        String link = "https://parley.example/docs";
        int at = MESSAGE.indexOf(part);
        return at > MESSAGE.indexOf(link) ? at - link.length() + 1 : at;
    }

    /** Where on the screen the caret before a character sits, halfway down its line. */
    private Point2D screenPointAt(int index) {
        TextFlow flow = messageFlow();
        var caret = flow.getCaretShape(index, true);
        var top = (MoveTo) caret[0];
        var bottom = (LineTo) caret[1];
        return flow.localToScreen(top.getX() + 1, (top.getY() + bottom.getY()) / 2);
    }
}
