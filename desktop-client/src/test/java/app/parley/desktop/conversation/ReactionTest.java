package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.CellMenus;
import app.parley.desktop.support.SignedInWithBoris;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import app.parley.model.chat.ChatRoom;
import app.parley.model.message.Message;
import app.parley.model.message.Reaction;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reacting to messages in the real app, and seeing the other side's reactions live. */
@Tag("gui")
class ReactionTest {
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
    void aReactionFromTheMenuShowsAsAChipThatCountsTheOtherSideLiveAndAClickTakesItBack() throws Exception {
        Message news = boris.send(chat.id(), "We shipped!", "b-1", List.of());
        people.startApp();
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#conversationView");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().size() == 1));

        menus.fire("#messageList", 0, "React", "🎉");

        awaitChip("🎉 1", true);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> reactionsSeenByBoris(news).size() == 1);
        assertEquals(
                "anna", reactionsSeenByBoris(news).getFirst().users().getFirst().username());

        boris.addReaction(chat.id(), news.id(), "🎉");
        awaitChip("🎉 2", true);
        boris.addReaction(chat.id(), news.id(), "👀");
        awaitChip("👀 1", false);
        Snapshots.save(ui.window().getScene(), "conversation-reactions");

        robot.clickOn(Ui.onFx(() -> chip("🎉 2")));

        awaitChip("🎉 1", false);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> reactionsSeenByBoris(news).getFirst().users().stream()
                        .noneMatch(user -> user.username().equals("anna")));
    }

    private List<Reaction> reactionsSeenByBoris(Message message) {
        return boris.history(chat.id(), null, 50).results().stream()
                .filter(seen -> seen.id() == message.id())
                .findFirst()
                .orElseThrow()
                .reactions();
    }

    private Button chip(String label) {
        return robot.lookup(".reaction-chip").queryAllAs(Button.class).stream()
                .filter(Node::isVisible)
                .filter(chip -> chip.getText().equals(label))
                .findFirst()
                .orElse(null);
    }

    private void awaitChip(String label, boolean mine) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> chip(label) != null
                        && chip(label).getPseudoClassStates().contains(PseudoClass.getPseudoClass("mine")) == mine));
    }

    @SuppressWarnings("unchecked")
    private List<MessageItem> items() {
        return ((ListView<MessageItem>) robot.lookup("#messageList").query()).getItems();
    }
}
