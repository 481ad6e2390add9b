package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.ModelStandIn;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.desktop.support.Wheel;
import app.parley.model.ParleyJson;
import app.parley.model.account.AuthResponse;
import app.parley.model.chat.ChatRoom;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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
 * Finding one's way in a long conversation: where the unread messages start, back to the newest,
 * searching, links, drafts kept per chat, and the AI agent's reply as it is written.
 */
@Tag("gui")
class ConversationNavigationTest {
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
    private AuthResponse anna;
    private ChatRoom chat;

    private void serverWithAnnaAndBoris(Map<String, Object> settings) {
        server = TestServer.start(serverData, settings);
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
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aChatOpensAtANewMessagesLineAboveTheFirstUnread() throws Exception {
        serverWithAnnaAndBoris(Map.of());
        ApiClient annaApi = server.client().signedIn(anna.accessToken());
        for (int i = 1; i <= 30; i++) {
            boris.send(chat.id(), "read " + i, "r-" + i, List.of());
        }
        annaApi.markRead(
                chat.id(),
                annaApi.history(chat.id(), null, 1).results().getFirst().id());
        annaApi.send(chat.id(), "my answer", "a-1", List.of());
        boris.send(chat.id(), "new one", "n-1", List.of());
        boris.send(chat.id(), "new two", "n-2", List.of());
        startApp();
        ui.awaitBadge("2");

        openTheChat();

        ui.awaitNode("#newMessagesLine");
        assertEquals("new one", Ui.onFx(() -> itemAbove(ui.visible("#newMessagesLine"))));
        Snapshots.save(ui.window().getScene(), "conversation-new-messages");
    }

    @Test
    void comingBackToMoreUnreadThanAPageHoldsOpensAtTheFirstOfThemAndReadsOnlyWhatIsSeen() throws Exception {
        serverWithAnnaAndBoris(Map.of());
        ApiClient annaApi = server.client().signedIn(anna.accessToken());
        for (int i = 1; i <= 20; i++) {
            boris.send(chat.id(), "read " + i, "r-" + i, List.of());
        }
        annaApi.markRead(
                chat.id(),
                annaApi.history(chat.id(), null, 1).results().getFirst().id());
        for (int i = 1; i <= 130; i++) {
            boris.send(chat.id(), "unread " + i, "u-" + i, List.of());
        }
        startApp();
        ui.awaitBadge("99+");

        openTheChat();

        ui.awaitNode("#newMessagesLine");
        assertEquals("unread 1", Ui.onFx(() -> itemAbove(ui.visible("#newMessagesLine"))));
        Thread.sleep(1_500);
        long unread = annasUnread();
        assertTrue(unread > 100 && unread < 130, "only the messages in view count as read: " + unread + " unread");

        robot.clickOn("#jumpToBottom");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> annasUnread() == 0);
    }

    @Test
    void aMessageOverTheServersLimitSaysByHowMuchAndIsNotSent() throws Exception {
        serverWithAnnaAndBoris(Map.of("parley.limits.message-max", 20));
        startApp();
        openTheChat();
        ui.awaitNode("#composer");
        robot.clickOn("#composer").write("Привет, это почти 20");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "20 of 20 characters".equals(lengthLine()));
        robot.write("!!");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> "2 characters too long: a message can have up to 20.".equals(lengthLine()));
        assertTrue(Ui.onFx(() -> robot.lookup("#sendButton").query().isDisabled()));
        robot.type(KeyCode.ENTER);
        Thread.sleep(500);
        assertEquals(
                "Привет, это почти 20!!",
                Ui.onFx(() -> robot.lookup("#composer").queryAs(TextArea.class).getText()),
                "nothing typed is lost, and no new line was added");
        assertEquals(List.of(), boris.history(chat.id(), null, 10).results(), "nothing was sent");

        robot.type(KeyCode.BACK_SPACE).type(KeyCode.BACK_SPACE);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> boris.history(chat.id(), null, 10).results().size() == 1);
    }

    private String lengthLine() throws Exception {
        return Ui.onFx(() -> robot.lookup("#messageLength")
                .tryQuery()
                .filter(Node::isVisible)
                .map(node -> ((Label) node).getText())
                .orElse(null));
    }

    private long annasUnread() {
        return server.client().signedIn(anna.accessToken()).chats().stream()
                .filter(room -> room.id() == chat.id())
                .findFirst()
                .orElseThrow()
                .unreadCount();
    }

    @Test
    void scrolledUpTheReaderSeesHowManyCameAndJumpsBackToTheNewest() throws Exception {
        openAChatOf(60);

        // A long chat read to its end opens at its newest message.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !jumpButtonShown());
        assertTrue(Ui.onFx(() -> lastCellShowing("message 60")));

        scrollUpByWheel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, this::jumpButtonShown);
        boris.send(chat.id(), "while you were up there", "m-up", List.of());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> {
                    Label count = robot.lookup("#unseenBelow").queryAs(Label.class);
                    return count.isVisible() && count.getText().equals("1");
                }));
        Snapshots.save(ui.window().getScene(), "conversation-jump-to-bottom");
        // The app would say at once that she read it (a socket frame); it has not been seen.
        Thread.sleep(1_500);
        assertEquals(1, annasUnread(), "a message that came below a reader scrolled up is not read yet");

        robot.clickOn("#jumpToBottom");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !jumpButtonShown());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> annasUnread() == 0);
        // Known weak spot: after a far jump the newest message can stay a few pixels under the
        // edge on a loaded machine (the list's heights are estimates until measured), so the
        // check is the app's own "at the newest" (the button gone), not the exact pixel.
    }

    @Test
    void aReaderWhoScrollsUpRightAfterJumpingToTheNewestIsNotPulledBackDown() throws Exception {
        openAChatOf(60);
        scrollUpByWheel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, this::jumpButtonShown);

        // The view goes on checking for a moment that it reached the newest message (cells' heights
        // become known as they are drawn); the reader changes their mind within that moment.
        Ui.onFx(() -> {
            robot.lookup("#jumpToBottom").queryButton().fire();
            wheelUp();
            return null;
        });
        Thread.sleep(1_500); // longer than those checks go on
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(jumpButtonShown(), "still scrolled up where the reader went");
        assertFalse(Ui.onFx(() -> lastCellShowing("message 60")));
    }

    /**
     * Anna's app on a chat with {@code messages} messages from Boris, all read by her before,
     * its newest page (50) shown.
     */
    private void openAChatOf(int messages) throws Exception {
        serverWithAnnaAndBoris(Map.of());
        for (int i = 1; i <= messages; i++) {
            boris.send(chat.id(), "message " + i, "m-" + i, List.of());
        }
        ApiClient annaApi = server.client().signedIn(anna.accessToken());
        annaApi.markRead(
                chat.id(),
                annaApi.history(chat.id(), null, 1).results().getFirst().id());
        startApp();
        openTheChat();
        awaitItems(50);
    }

    private boolean jumpButtonShown() throws Exception {
        return Ui.onFx(() -> robot.lookup("#jumpToBottom").query().getParent().isVisible());
    }

    @Test
    void searchFindsAMessageFarBackLoadsItAndSelectsIt() throws Exception {
        serverWithAnnaAndBoris(Map.of());
        boris.send(chat.id(), "Встречаемся у старого маяка", "old", List.of());
        for (int i = 1; i <= 130; i++) {
            boris.send(chat.id(), "filler " + i, "f-" + i, List.of());
        }
        startApp();
        openTheChat();
        awaitItems(50);

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        ui.awaitNode("#searchField");
        robot.write("маяк"); // no Enter: it searches once typing stops

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> {
                    MessageItem selected = messageList().getSelectionModel().getSelectedItem();
                    return selected != null && selected.text().equals("Встречаемся у старого маяка");
                }));
        assertEquals(
                "1 of 1",
                Ui.onFx(() -> robot.lookup("#searchCount").queryAs(Label.class).getText()));
        Snapshots.save(ui.window().getScene(), "conversation-search");

        robot.eraseText(4).write("нет такого слова").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#searchCount")
                        .queryAs(Label.class)
                        .getText()
                        .equals("No matches")));

        // A word in more messages than one search gives: the newest of them first, and "50+".
        robot.eraseText("нет такого слова".length()).write("filler").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> {
                    MessageItem selected = messageList().getSelectionModel().getSelectedItem();
                    return selected != null && selected.text().equals("filler 130");
                }));
        assertEquals(
                "1 of 50+",
                Ui.onFx(() -> robot.lookup("#searchCount").queryAs(Label.class).getText()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> {
                    MessageItem selected = messageList().getSelectionModel().getSelectedItem();
                    return selected != null && selected.text().equals("filler 129");
                }));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !robot.lookup("#searchBar").query().isVisible()));
    }

    @Test
    void olderMessagesLoadAboveTheReaderWhoStaysWhereTheyWere() throws Exception {
        openAChatOf(150);
        // Settled at the newest message first, as the reader sees it open.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> lastCellShowing("message 150")));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        int before = Ui.onFx(() -> items().size());
        String oldestShown = Ui.onFx(() -> items().getFirst().text());

        Ui.onFx(() -> {
            // The reader goes to the top (a wheel turn first, as only the reader goes there): the
            // next page of older messages loads.
            wheelUp();
            messageList().scrollTo(0);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().size() > before));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // a layout or two, and whatever they set off

        assertEquals(before + 50, Ui.onFx(() -> items().size()), "one page, not every page up to the first");
        assertEquals(
                oldestShown,
                Ui.onFx(() -> firstCellShowing().getItem().text()),
                "the message that was at the top is still at the top, the new page above it");
    }

    @Test
    void linksInAMessageAreLinksAndOnlyWebAndMailAddressesAre() throws Exception {
        serverWithAnnaAndBoris(Map.of());
        boris.send(
                chat.id(),
                "docs at https://parley.example/docs?x=1, or www.example.org; not file:///etc/passwd",
                "l",
                List.of());
        startApp();
        openTheChat();
        awaitItems(1);

        ui.awaitNode(".message-link");
        Snapshots.save(ui.window().getScene(), "conversation-links");
        List<String> links = Ui.onFx(() -> robot.lookup(".message-link").queryAllAs(Hyperlink.class).stream()
                .map(Hyperlink::getText)
                .toList());
        assertEquals(List.of("https://parley.example/docs?x=1", "www.example.org"), links);
    }

    @Test
    void aDraftStaysWithItsChatWhileAnotherIsOpen() throws Exception {
        serverWithAnnaAndBoris(Map.of());
        ApiClient clara = server.register("clara", "Clara");
        clara.openPrivateChat(anna.user().id());
        startApp();
        ui.awaitNode("#chatList .chat-cell");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> chatList().getItems().size() == 2));

        selectChat("Boris");
        robot.clickOn("#composer").write("half a thought");
        selectChat("Clara");
        assertEquals("", composerText());
        selectChat("Boris");

        assertEquals("half a thought", composerText());
    }

    @Test
    void theAgentsReplyGrowsInPlaceAndBecomesOneMessage() throws Exception {
        try (ModelStandIn model = ModelStandIn.streaming(List.of("Hello", ", Anna", ". How can I help?"), 400)) {
            serverWithAnnaAndBoris(Map.of(
                    "parley.agent.endpoint",
                    model.endpoint(),
                    "parley.agent.model",
                    "stand-in",
                    "parley.agent.enabled",
                    true));
            startApp();
            ui.awaitNode("#chatList");
            robot.clickOn("#newMenu");
            ui.awaitNode("#agentChatItem");
            robot.clickOn(robot.lookup("Chat with Parley AI").queryAs(Node.class));
            ui.awaitNode("#conversationView");
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> robot.lookup("#conversationTitle")
                            .queryAs(Label.class)
                            .getText()
                            .equals("Parley AI")));

            robot.clickOn("#composer").write("hi").type(KeyCode.ENTER);

            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(
                            () -> items().stream().anyMatch(item -> item.status() == MessageItem.Status.WRITING)));
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> items().stream()
                            .anyMatch(item -> item.stored() && item.text().equals("Hello, Anna. How can I help?"))));
            assertEquals(2, Ui.onFx(() -> items().size()));
            assertFalse(Ui.onFx(() -> items().stream().anyMatch(item -> !item.stored())));
        }
    }

    /** The topmost message cell whose top is inside the list. */
    private MessageCell firstCellShowing() {
        double top =
                messageList().localToScene(messageList().getBoundsInLocal()).getMinY();
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(MessageCell.class::isInstance)
                .map(MessageCell.class::cast)
                .filter(cell -> cell.isVisible()
                        && cell.getItem() != null
                        && cell.localToScene(cell.getBoundsInLocal()).getMinY() >= top - 1)
                .min(java.util.Comparator.comparingDouble(
                        cell -> cell.localToScene(cell.getBoundsInLocal()).getMinY()))
                .orElseThrow();
    }

    /** Whether the message's cell is on screen, its bottom edge inside the list. */
    private boolean lastCellShowing(String text) {
        MessageCell cell = robot.lookup(".list-cell").queryAll().stream()
                .filter(MessageCell.class::isInstance)
                .map(MessageCell.class::cast)
                .filter(candidate -> candidate.isVisible()
                        && candidate.getItem() != null
                        && candidate.getItem().text().equals(text))
                .findFirst()
                .orElse(null);
        return cell != null
                && cell.localToScene(cell.getBoundsInLocal()).getMaxY()
                        <= messageList()
                                        .localToScene(messageList().getBoundsInLocal())
                                        .getMaxY()
                                + 12;
    }

    private String itemAbove(Node line) {
        Node cell = line;
        while (!(cell instanceof MessageCell)) {
            cell = cell.getParent();
        }
        return ((MessageCell) cell).getItem().text();
    }

    private void startApp() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
    }

    private void openTheChat() throws Exception {
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#conversationView");
    }

    private void selectChat(String name) throws Exception {
        robot.clickOn(robot.lookup("#chatList .chat-cell")
                .lookup((Node node) ->
                        node instanceof Label label && label.getText().equals(name))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#conversationTitle")
                        .queryAs(Label.class)
                        .getText()
                        .equals(name)));
        ui.awaitNode("#composer");
    }

    private String composerText() throws Exception {
        return Ui.onFx(() -> robot.lookup("#composer").queryAs(TextArea.class).getText());
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> messageList() {
        return (ListView<MessageItem>) robot.lookup("#messageList").query();
    }

    @SuppressWarnings("unchecked")
    private ListView<ChatRoom> chatList() {
        return (ListView<ChatRoom>) robot.lookup("#chatList").query();
    }

    private List<MessageItem> items() {
        return messageList().getItems();
    }

    /**
     * Turns the mouse wheel over the messages, as a reader going back does (sent as the event a
     * wheel makes: the headless robot has no wheel).
     */
    private void scrollUpByWheel() throws Exception {
        Ui.onFx(() -> {
            wheelUp();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void wheelUp() {
        Wheel.turn(messageList().lookup(".virtual-flow"), 400);
    }

    private void awaitItems(int atLeast) throws Exception {
        ui.awaitNode("#messageList");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().size() >= atLeast));
    }
}
