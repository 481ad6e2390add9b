package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import app.parley.model.message.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chat a person opened stays open, whatever the list does: entries are replaced and moved
 * as messages arrive, and the list's selection passes to another chat for a moment each time.
 */
@Tag("gui")
class ChosenChatTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;
    private ApiClient boris;
    private ApiClient clara;
    private ChatRoom withBoris;
    private ChatRoom withClara;
    private long annaId;

    @BeforeEach
    void annaWithTwoChats() throws Exception {
        server = TestServer.start(serverData);
        boris = server.register("boris", "Boris");
        clara = server.register("clara", "Clara");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        annaId = anna.user().id();
        withClara = clara.openPrivateChat(anna.user().id());
        clara.send(withClara.id(), "older", "c-1", List.of());
        withBoris = boris.openPrivateChat(anna.user().id());
        boris.send(withBoris.id(), "newer", "b-1", List.of());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> names().equals(List.of("Boris", "Clara"))));
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void theOpenChatStaysOpenWhileTheListReordersAndAMessageWrittenNextGoesToIt() throws Exception {
        robot.clickOn(nameLabel("Clara"));
        awaitOpen("Clara");
        assertTrue(
                Ui.onFx(() -> robot.lookup("#composer").query().isFocused()),
                "a click on a chat puts the cursor where one writes");

        // Clara's chat moves to the top: its entry is replaced and moved.
        clara.send(withClara.id(), "moved up", "c-2", List.of());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> names().equals(List.of("Clara", "Boris"))));
        settle();
        assertStillOpen("Clara");

        // Boris's moves above it again: the open chat is now second.
        boris.send(withBoris.id(), "me again", "b-2", List.of());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> names().equals(List.of("Boris", "Clara"))));
        settle();
        assertStillOpen("Clara");

        // Anna writes twice: her own message moves the chat up between the two.
        robot.clickOn("#composer").write("first for Clara").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> names().equals(List.of("Clara", "Boris"))));
        robot.write("second for Clara").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> texts(clara, withClara).contains("second for Clara"));
        settle();
        assertStillOpen("Clara");
        assertEquals(
                List.of("b-1", "b-2"),
                clientIds(boris, withBoris).stream().sorted().toList(),
                "nothing went to Boris");
    }

    @Test
    void walkingTheListWithTheArrowKeysOpensEachChatAndKeepsWalking() throws Exception {
        robot.clickOn(nameLabel("Boris"));
        awaitOpen("Boris");
        robot.clickOn(nameLabel("Boris"));
        // A click puts the cursor in the composer; back to the list for the keys.
        robot.interact(() -> list().requestFocus());
        robot.type(KeyCode.DOWN);
        awaitOpen("Clara");
        assertTrue(Ui.onFx(() -> list().isFocused()), "the list keeps the keys");
        robot.type(KeyCode.UP);
        awaitOpen("Boris");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#composer").query().isFocused()));
    }

    @Test
    void aNewChatWithoutMessagesShowsOnTopOfTheList() throws Exception {
        // Made by someone else: it arrives as an event.
        boris.createGroup("Книжный клуб", "", List.of(annaId));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> names().equals(List.of("Книжный клуб", "Boris", "Clara"))));

        // Made here: the list is read again.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.G).release(KeyCode.SHIFT, KeyCode.CONTROL);
        ui.awaitNode("#groupNameField");
        robot.clickOn("#groupNameField").write("Свежая группа");
        robot.clickOn("Create group");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> names().equals(List.of("Свежая группа", "Книжный клуб", "Boris", "Clara"))));
        awaitOpen("Свежая группа");
    }

    private void awaitOpen(String name) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> name.equals(openTitle()));
    }

    private void assertStillOpen(String name) throws Exception {
        assertEquals(name, openTitle(), "the open conversation");
        assertEquals(
                name,
                Ui.onFx(() -> list().getSelectionModel().getSelectedItem().name()),
                "the list shows the open chat as selected");
    }

    /** Lets a moment's wrong selection, if any, open its chat. */
    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String openTitle() throws Exception {
        return Ui.onFx(() -> robot.lookup("#conversationTitle")
                .tryQueryAs(Label.class)
                .map(Label::getText)
                .orElse(null));
    }

    private ListView<ChatRoom> list() {
        return robot.lookup("#chatList").queryListView();
    }

    /** The chat list's names in order; none while the list is not there yet (the app still starting). */
    private List<String> names() {
        return robot.lookup("#chatList")
                .tryQuery()
                .map(node -> ((ListView<?>) node)
                        .getItems().stream()
                                .map(chat -> ((ChatRoom) chat).name())
                                .toList())
                .orElse(List.of());
    }

    private Label nameLabel(String name) throws Exception {
        return Ui.onFx(() -> robot.lookup(".chat-name").queryAllAs(Label.class).stream()
                .filter(label -> label.isVisible() && name.equals(label.getText()))
                .findFirst()
                .orElseThrow());
    }

    private static List<String> texts(ApiClient reader, ChatRoom chat) {
        return reader.history(chat.id(), null, 50).results().stream()
                .map(Message::text)
                .toList();
    }

    private static List<String> clientIds(ApiClient reader, ChatRoom chat) {
        return reader.history(chat.id(), null, 50).results().stream()
                .map(Message::clientMsgId)
                .toList();
    }
}
