package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.CellMenus;
import app.parley.desktop.support.SignedInWithBoris;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import app.parley.model.account.UserRef;
import app.parley.model.message.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Mentions in the real app: the chat list's @ badge, the marked message, and names offered after @. */
@Tag("gui")
class MentionTest {
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
    private long group;

    @BeforeEach
    void annaBorisAndClaraInAGroup() {
        people = SignedInWithBoris.start(serverData, home);
        boris = people.boris();
        anna = people.anna();
        ApiClient clara = people.register("clara", "Клара");
        group = boris.createGroup("Team", "", List.of(anna.me().id(), clara.me().id()))
                .id();
    }

    @AfterEach
    void stop() throws Exception {
        people.close();
    }

    @Test
    void aMentionOfTheReaderIsBadgedInTheListAndMarkedInTheChatUntilRead() throws Exception {
        boris.send(group, "@anna can you check the release notes?", "b-1", List.of());
        boris.send(group, "thanks", "b-2", List.of());
        startApp();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible(".mention-badge") != null));
        Snapshots.save(ui.window().getScene(), "chat-list-mention");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#conversationView");
        ui.awaitNode(".mention-reader");

        assertEquals("@anna", Ui.onFx(() -> ((Text) ui.visible(".mention-reader")).getText()));
        assertTrue(Ui.onFx(() -> {
            Node bubble = ui.visible(".mention-reader");
            while (!bubble.getStyleClass().contains("bubble")) {
                bubble = bubble.getParent();
            }
            return bubble.getPseudoClassStates().contains(PseudoClass.getPseudoClass("mentions-reader"));
        }));
        Snapshots.save(ui.window().getScene(), "conversation-mention");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> ui.visible(".mention-badge") == null));
    }

    @Test
    void typingAfterAtOffersMembersAndEnterWritesTheChosenName() throws Exception {
        startApp();
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#composer");

        robot.clickOn("#composer").write("ask @Кл");
        ui.awaitNode("#mentionSuggestions");
        assertEquals(
                List.of("clara"),
                Ui.onFx(() -> suggestions().getItems().stream()
                        .map(MentionChoice::username)
                        .toList()));
        Snapshots.save(ui.window().getScene(), "conversation-mention-suggestions");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> composer().getText().equals("ask @clara ")));
        assertEquals(null, Ui.onFx(() -> ui.visible("#mentionSuggestions")));
        robot.write("and @a");
        ui.awaitNode("#mentionSuggestions");
        assertEquals(
                List.of("all"),
                Ui.onFx(() -> suggestions().getItems().stream()
                        .map(MentionChoice::username)
                        .toList()),
                "Anna herself is not offered; @all is, in a group");
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !boris.history(group, null, 1).results().isEmpty());
        Message sent = boris.history(group, null, 1).results().getFirst();
        assertEquals("ask @clara and @a", sent.text());
        assertEquals(
                List.of("clara"),
                sent.mentions().stream().map(UserRef::username).toList());
    }

    private void startApp() throws Exception {
        people.startApp();
        ui.awaitNode("#chatList .chat-cell");
    }

    @SuppressWarnings("unchecked")
    private ListView<MentionChoice> suggestions() {
        return (ListView<MentionChoice>) robot.lookup("#mentionSuggestions").query();
    }

    private TextArea composer() {
        return robot.lookup("#composer").queryAs(TextArea.class);
    }
}
