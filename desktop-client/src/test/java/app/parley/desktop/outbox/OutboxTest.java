package app.parley.desktop.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.conversation.MessageItem;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.account.AuthResponse;
import app.parley.model.chat.ChatRoom;
import app.parley.model.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Messages written while the server is away wait in the outbox, whichever chat is open and
 * across a restart of the app, and reach the server once.
 */
@Tag("gui")
class OutboxTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;
    private ApiClient boris;
    private ChatRoom withBoris;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void aMessageWrittenOfflineArrivesOnceAfterSwitchingToAnotherChatAndTheServerComingBack() throws Exception {
        annaWithChatsFromBorisAndCarol(Map.of());
        startApp();
        openChatNamed("Boris");
        int port = server.port();

        server.stop();
        writeWhileOffline("written on the train");
        robot.type(KeyCode.ENTER);
        awaitOnly(MessageItem.Status.SENDING, "written on the train");
        ui.awaitNode(".unsent-mark");
        Snapshots.save(ui.window().getScene(), "outbox-waiting");

        openChatNamed("Carol");
        ui.awaitNode(".unsent-mark");
        Snapshots.save(ui.window().getScene(), "outbox-other-chat");
        server.startAgain(port);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> borisSees().size() == 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible(".unsent-mark") == null));
        openChatNamed("Boris");
        awaitOnly(MessageItem.Status.SENT, "written on the train");
        assertEquals(List.of("written on the train"), borisSees());
    }

    @Test
    void aMessageWrittenOfflineIsDeliveredOnceWhenTheAppStartsAgainWithTheServerUp() throws Exception {
        annaWithChatsFromBorisAndCarol(Map.of());
        startApp();
        openChatNamed("Boris");
        int port = server.port();

        server.stop();
        writeWhileOffline("kept across a restart");
        robot.type(KeyCode.ENTER);
        awaitOnly(MessageItem.Status.SENDING, "kept across a restart");
        app.close();
        app = null;

        Path kept = home.resolve("outbox.json");
        assertTrue(Files.readString(kept).contains("kept across a restart"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        server.startAgain(port);
        startApp();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> borisSees().size() == 1);
        openChatNamed("Boris");
        awaitOnly(MessageItem.Status.SENT, "kept across a restart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !Files.exists(kept));
        assertEquals(List.of("kept across a restart"), borisSees());
    }

    @Test
    void aMessageTheServerRefusesIsFailedAndCanBeDeleted() throws Exception {
        annaWithChatsFromBorisAndCarol(Map.of());
        startApp();
        openChatNamed("Boris");
        // The app checks the length it learned when the chat opened (4,000); the server's admin
        // has lowered it since, so the server is the one to refuse.
        server.restartWith(Map.of("parley.limits.message-max", 20));

        robot.clickOn("#composer").write("this message is far too long for the server");
        robot.type(KeyCode.ENTER);

        awaitOnly(MessageItem.Status.FAILED, "this message is far too long for the server");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#conversationProblem")
                                .queryAs(Labeled.class)
                                .getText())
                        .contains("too long for this server"));
        ui.awaitNode("#discardLink");
        ui.awaitNode(".unsent-mark");
        Snapshots.save(ui.window().getScene(), "outbox-failed");
        robot.clickOn(Ui.onFx(() -> ui.visible("#discardLink")));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().isEmpty()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible(".unsent-mark") == null));
        assertEquals(List.of(), borisSees());
    }

    @Test
    void signingOutAsksBeforeDiscardingUnsentMessages() throws Exception {
        annaWithChatsFromBorisAndCarol(Map.of());
        startApp();
        openChatNamed("Boris");
        server.stop();
        writeWhileOffline("not sent yet");
        robot.type(KeyCode.ENTER);
        awaitOnly(MessageItem.Status.SENDING, "not sent yet");
        Path kept = home.resolve("outbox.json");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(kept));

        signOut();
        Snapshots.save(ui.dialog().getScene(), "outbox-sign-out");
        robot.clickOn("Stay signed in");
        awaitOnly(MessageItem.Status.SENDING, "not sent yet");
        assertTrue(Files.exists(kept));

        signOut();
        robot.clickOn("Discard and sign out");
        ui.awaitNode("#signInView");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !Files.exists(kept));
    }

    private void signOut() throws Exception {
        robot.clickOn("#mainMenu");
        robot.clickOn("Sign out");
        ui.awaitNode("#unsentSignOutDialog");
    }

    private void annaWithChatsFromBorisAndCarol(Map<String, Object> settings) {
        server = TestServer.start(serverData, settings);
        boris = server.register("boris", "Boris");
        ApiClient carol = server.register("carol", "Carol");
        AuthResponse anna = server.client().register("anna", PASSWORD, "Anna");
        withBoris = boris.openPrivateChat(anna.user().id());
        carol.openPrivateChat(anna.user().id());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
    }

    private void startApp() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
    }

    private List<String> borisSees() {
        return boris.history(withBoris.id(), null, 50).results().stream()
                .map(Message::text)
                .toList();
    }

    private void openChatNamed(String name) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> chatCell(name) != null));
        ui.clickOnFresh(() -> chatCell(name));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#conversationTitle").queryAll().stream()
                        .anyMatch(title -> title instanceof Labeled label
                                && label.getText().equals(name)
                                && title.getScene() != null)));
        ui.awaitNode("#composer");
    }

    private Node chatCell(String name) {
        return robot.lookup("#chatList .chat-cell").queryAll().stream()
                .filter(Node::isVisible)
                .filter(cell -> robot.from(cell).lookup(".chat-name").queryAll().stream()
                        .anyMatch(label -> ((Labeled) label).getText().equals(name)))
                .findFirst()
                .orElse(null);
    }

    /** Typed through the field itself: while the offline bar arrives the layout moves, and a click can miss. */
    private void writeWhileOffline(String message) throws Exception {
        ui.awaitNode("#offlineBar");
        Ui.onFx(() -> {
            var composer = robot.lookup("#composer").queryAs(TextArea.class);
            composer.requestFocus();
            composer.setText(message);
            return null;
        });
    }

    private void awaitOnly(MessageItem.Status status, String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> items().size() == 1
                            && items().getFirst().status() == status
                            && items().getFirst().text().equals(text)));
        } catch (TimeoutException e) {
            // Say what the window showed instead: a timeout alone tells nothing.
            Snapshots.save(ui.window().getScene(), "outbox-not-" + status.name().toLowerCase(Locale.ROOT));
            throw new AssertionError(
                    "expected only '" + text + "' as " + status + ", the chat showed "
                            + Ui.onFx(() -> items().stream()
                                    .map(item -> item.text() + " (" + item.status() + ")")
                                    .toList())
                            + ", the composer held '"
                            + Ui.onFx(() -> robot.lookup("#composer")
                                    .queryAs(TextArea.class)
                                    .getText()) + "'",
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<MessageItem> items() {
        return ((ListView<MessageItem>) robot.lookup("#messageList").query()).getItems();
    }
}
