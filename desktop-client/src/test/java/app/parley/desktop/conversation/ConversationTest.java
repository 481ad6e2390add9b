package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.net.RealtimeListener;
import app.parley.desktop.net.RealtimeSocket;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.CellMenus;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.account.AuthResponse;
import app.parley.model.chat.ChatRoom;
import app.parley.model.event.ServerEvent;
import app.parley.model.message.Message;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A conversation in the real app, headless, with Boris writing from another client. */
@Tag("gui")
class ConversationTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private final CellMenus menus = new CellMenus(robot);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;
    private RunningApp app;
    private ApiClient boris;
    private AuthResponse anna;
    private ChatRoom chat;

    @BeforeEach
    void signedInAnnaWithAChatFromBoris() {
        server = TestServer.start(serverData);
        boris = server.register("boris", "Boris");
        anna = server.client().register("anna", PASSWORD, "Anna");
        chat = boris.openPrivateChat(anna.user().id());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        timers.shutdownNow();
        server.close();
    }

    @Test
    void openingAChatShowsItsMessagesAndReadingClearsTheBadge() throws Exception {
        boris.send(chat.id(), "Привет, Анна!", "m-1", List.of());
        boris.send(chat.id(), "Second line\nwith a break", "m-2", List.of());
        startApp();
        ui.awaitBadge("2");

        openTheChat();

        awaitItems(2);
        assertEquals(List.of("Привет, Анна!", "Second line\nwith a break"), texts());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> server.client().signedIn(anna.accessToken()).unread().total() == 0);
        ui.awaitNoBadge();
        Snapshots.save(ui.window().getScene(), "conversation");
    }

    @Test
    void aMessageSentAppearsOnceAndReachesTheOtherSide() throws Exception {
        startApp();
        openTheChat();
        ui.awaitNode("#composer");

        robot.clickOn("#composer").write("Hello Boris");
        robot.type(KeyCode.ENTER);

        awaitItems(1);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().getFirst().status() == MessageItem.Status.SENT));
        List<Message> seenByBoris = boris.history(chat.id(), null, 50).results();
        assertEquals(
                List.of("Hello Boris"), seenByBoris.stream().map(Message::text).toList());
        Thread.sleep(300); // the socket's echo of the same message must not add a second line
        assertEquals(1, Ui.onFx(() -> items().size()));
        assertEquals(
                "",
                Ui.onFx(() -> robot.lookup("#composer").queryAs(TextArea.class).getText()));
    }

    @Test
    void tabLeavesTheComposerAndBlankTextCannotBeSent() throws Exception {
        startApp();
        openTheChat();
        ui.awaitNode("#composer");

        robot.clickOn("#composer").write("   ");
        assertTrue(Ui.onFx(() -> robot.lookup("#sendButton").query().isDisabled()), "spaces alone are not a message");
        robot.write("Hello");
        assertFalse(Ui.onFx(() -> robot.lookup("#sendButton").query().isDisabled()));

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea composer = robot.lookup("#composer").queryAs(TextArea.class);
        assertEquals("   Hello", Ui.onFx(composer::getText), "no tab typed");
        assertFalse(Ui.onFx(composer::isFocused), "focus moved on");
        var focused = Ui.onFx(() -> composer.getScene().getFocusOwner());
        assertTrue(focused instanceof javafx.scene.control.ButtonBase, "focus went to " + focused);
        assertTrue(
                Ui.onFx(() -> focused.getPseudoClassStates().contains(PseudoClass.getPseudoClass("focus-visible"))
                        && ((javafx.scene.layout.Region) focused)
                                .getBackground().getFills().stream()
                                        .anyMatch(fill -> fill.getInsets().getTop() < 0)),
                "a ring drawn outside " + focused + " shows where keyboard focus is");
        Snapshots.save(composer.getScene(), "keyboard-focus");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Ui.onFx(composer::isFocused));
    }

    @Test
    void aMessageFromTheOtherSideAppearsLiveInTheOpenChat() throws Exception {
        startApp();
        openTheChat();
        ui.awaitNode("#composer");

        boris.send(chat.id(), "are you there?", "m-live", List.of());

        awaitItems(1);
        assertEquals(List.of("are you there?"), texts());
    }

    @Test
    void typingShowsWhoIsTypingAndClearsWhenTheyStop() throws Exception {
        startApp();
        openTheChat();
        ui.awaitNode("#typingLine");
        try (RealtimeSocket borisSocket = borisChatSocket()) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, borisSocket::isOpen);

            borisSocket.send(Map.of("type", "typing"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> typingLine().equals("Boris is typing…"));
            Snapshots.save(ui.window().getScene(), "conversation-typing");

            borisSocket.send(Map.of("type", "stop_typing"));
            // Back to what the line says otherwise: Boris, whose socket is open, is online.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> typingLine().equals("online"));
        }
    }

    @Test
    void aServerRestartLosesAndDoublesNothing() throws Exception {
        boris.send(chat.id(), "before", "m-0", List.of());
        startApp();
        openTheChat();
        awaitItems(1);
        int port = server.port();

        server.stop();
        ui.awaitNode("#offlineBar");
        server.startAgain(port);
        boris.send(chat.id(), "after the restart", "m-1", List.of());

        awaitItems(2);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !robot.lookup("#offlineBar").query().isVisible()));
        assertEquals(List.of("before", "after the restart"), texts());
        robot.clickOn("#composer").write("and a reply");
        robot.type(KeyCode.ENTER);
        awaitItems(3);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> boris.history(chat.id(), null, 50).results().size() == 3);
    }

    @Test
    void aChatOpenedWhileTheServerIsOutOfReachSaysItsMessagesAreStillToComeAndThenShowsThem() throws Exception {
        boris.send(chat.id(), "written before the outage", "m-0", List.of());
        startApp();
        ui.awaitNode("#chatList .chat-cell");
        int port = server.port();
        server.stop();
        ui.awaitNode("#offlineBar");

        openTheChat();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#notLoadedYet").query().isVisible()));
        Snapshots.save(ui.window().getScene(), "conversation-not-loaded");

        server.startAgain(port);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> texts().equals(List.of("written before the outage")));
        assertFalse(Ui.onFx(() -> robot.lookup("#notLoadedYet").query().isVisible()));
    }

    @Test
    void deletingOnesOwnMessageAsksFirstAndTakesItFromEveryone() throws Exception {
        boris.send(chat.id(), "hello", "m-0", List.of());
        server.client().signedIn(anna.accessToken()).send(chat.id(), "oops, wrong chat", "a-1", List.of());
        startApp();
        openTheChat();
        awaitItems(2);

        menus.fire("#messageList", 1, "Delete");
        ui.awaitNode("#deleteMessageQuestion");
        ui.answer("#deleteMessageQuestion", 1); // Cancel first: nothing happens
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("hello", "oops, wrong chat"), texts());

        menus.fire("#messageList", 1, "Delete");
        ui.awaitNode("#deleteMessageQuestion");
        ui.answer("#deleteMessageQuestion", 0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> texts().equals(List.of("hello")));
        assertEquals(
                List.of("hello"),
                boris.history(chat.id(), null, 50).results().stream()
                        .map(Message::text)
                        .toList());
    }

    @Test
    void editsReactionsAndDeletionsMadeWhileTheAppWasCutOffShowOnceItIsBack() throws Exception {
        long kept = boris.send(chat.id(), "keep", "m-0", List.of()).id();
        long toEdit = boris.send(chat.id(), "to edit", "m-1", List.of()).id();
        long toDelete = boris.send(chat.id(), "to delete", "m-2", List.of()).id();
        startApp();
        openTheChat();
        awaitItems(3);
        int port = server.port();

        server.stop();
        ui.awaitNode("#offlineBar");
        server.startAgain(port);
        // Made before the app's next attempt to reconnect (its backoff is a second or more by now),
        // so the app learns of them by reading the chat again, not from live frames.
        boris.editMessage(chat.id(), toEdit, "edited meanwhile");
        boris.addReaction(chat.id(), kept, "👍");
        boris.deleteMessage(chat.id(), toDelete);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> texts().equals(List.of("keep", "edited meanwhile")));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> items().getFirst().reactions().size() == 1
                        && items().get(1).message().editedAt() != null));
    }

    private RealtimeSocket borisChatSocket() {
        var realtime = new RealtimeClient(
                HttpClient.newHttpClient(), ParleyJson.mapper(), timers, Duration.ofMillis(100), Duration.ofSeconds(1));
        return realtime.chat(boris, () -> "/api/v1/chat/" + chat.id(), new RealtimeListener() {
            @Override
            public void frame(ServerEvent frame) {}
        });
    }

    private void startApp() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
    }

    private void openTheChat() throws Exception {
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#conversationView");
    }

    @SuppressWarnings("unchecked")
    private List<MessageItem> items() {
        return ((ListView<MessageItem>) robot.lookup("#messageList").query()).getItems();
    }

    private List<String> texts() throws Exception {
        return Ui.onFx(() -> items().stream().map(MessageItem::text).toList());
    }

    private String typingLine() throws Exception {
        return Ui.onFx(() -> robot.lookup("#typingLine").queryAs(Label.class).getText());
    }

    private void awaitItems(int count) throws Exception {
        ui.awaitNode("#messageList");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().size() == count));
    }
}
