package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.CellMenus;
import app.parley.desktop.support.SignedInWithBoris;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import app.parley.model.chat.ChatRoom;
import app.parley.model.message.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Editing one's own messages in the real app, and seeing another's edits, against a real server. */
@Tag("gui")
class EditMessageTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private final CellMenus menus = new CellMenus(robot);
    private SignedInWithBoris people;
    private ApiClient boris;
    private ApiClient anna;
    private ChatRoom chat;

    @BeforeEach
    void annaAndBorisInAPrivateChat() {
        people = SignedInWithBoris.start(serverData, home);
        boris = people.boris();
        anna = people.anna();
        chat = boris.openPrivateChat(anna.me().id());
    }

    @AfterEach
    void stop() throws Exception {
        people.close();
    }

    @Test
    void upInTheEmptyComposerEditsTheLastOwnMessageAndEnterSavesIt() throws Exception {
        boris.send(chat.id(), "Lunch today?", "b-1", List.of());
        Message mine = anna.send(chat.id(), "Yes, at 12", "a-1", List.of());
        boris.send(chat.id(), "Great", "b-2", List.of());
        openTheChat();
        awaitTexts(List.of("Lunch today?", "Yes, at 12", "Great"));

        robot.clickOn("#composer");
        robot.type(KeyCode.UP);
        ui.awaitNode("#editBar");
        assertEquals("Yes, at 12", composerText());
        assertEquals(
                "Yes, at 12",
                Ui.onFx(() -> robot.lookup("#editBarText").queryAs(Label.class).getText()));
        Snapshots.save(ui.window().getScene(), "conversation-editing");
        robot.push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).write("13 then");
        robot.type(KeyCode.ENTER);

        awaitTexts(List.of("Lunch today?", "Yes, at 13 then", "Great"));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(
                        () -> ui.visible("#editBar") == null && composerText().isEmpty()));
        assertTrue(Ui.onFx(() -> items().get(1).message().edited()));
        ui.awaitNode(".message-edited");
        Snapshots.save(ui.window().getScene(), "conversation-edited");
        Message seenByBoris = boris.history(chat.id(), null, 50).results().stream()
                .filter(message -> message.id() == mine.id())
                .findFirst()
                .orElseThrow();
        assertEquals("Yes, at 13 then", seenByBoris.text());
    }

    @Test
    void escapeLeavesTheMessageAsItWasAndGivesTheDraftBack() throws Exception {
        anna.send(chat.id(), "Sent as it is", "a-1", List.of());
        openTheChat();
        awaitTexts(List.of("Sent as it is"));
        robot.clickOn("#composer").write("half a thought");

        menus.fire("#messageList", 0, "Edit");
        ui.awaitNode("#editBar");
        assertEquals("Sent as it is", composerText());
        robot.push(KeyCode.CONTROL, KeyCode.A).write("something else");
        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible("#editBar") == null));
        assertEquals("half a thought", composerText());
        assertEquals(List.of("Sent as it is"), texts());
        assertEquals(
                "Sent as it is",
                boris.history(chat.id(), null, 50).results().getFirst().text());
    }

    @Test
    void anEditByTheOtherSideShowsLiveInTheChatAndTheListAndItsVersionsOnAClick() throws Exception {
        Message his = boris.send(chat.id(), "See you at 5", "b-1", List.of());
        openTheChat();
        awaitTexts(List.of("See you at 5"));

        boris.editMessage(chat.id(), his.id(), "See you at 6");

        awaitTexts(List.of("See you at 6"));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> ui.visible("#chatList .chat-preview") instanceof Label preview
                        && preview.getText().equals("See you at 6")));
        ui.awaitNode(".message-edited");
        robot.clickOn(Ui.onFx(() -> ui.visible(".message-edited")));

        ui.awaitNode("#messageVersions .version-text");
        assertEquals(
                List.of("See you at 6", "See you at 5"),
                Ui.onFx(() -> robot.lookup("#messageVersions .version-text").queryAllAs(Label.class).stream()
                        .map(Label::getText)
                        .toList()));
        Snapshots.save(ui.dialog().getScene(), "message-versions");
        robot.type(KeyCode.ESCAPE);
    }

    private void openTheChat() throws Exception {
        people.startApp();
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

    private String composerText() throws Exception {
        return Ui.onFx(() -> robot.lookup("#composer").queryAs(TextArea.class).getText());
    }

    private void awaitTexts(List<String> expected) throws Exception {
        ui.awaitNode("#messageList");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> texts().equals(expected));
    }
}
