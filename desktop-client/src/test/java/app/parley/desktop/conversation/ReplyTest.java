package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Replying in the real app, and going from a reply to the message it answers, against a real server. */
@Tag("gui")
class ReplyTest {
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
    void aReplyChosenFromAMessagesMenuIsSentWithItsQuote() throws Exception {
        Message question = boris.send(chat.id(), "Lunch at noon?\nor later", "b-1", List.of());
        boris.send(chat.id(), "I am hungry", "b-2", List.of());
        openTheChat();
        awaitItemCount(2);

        menus.fire("#messageList", 0, "Reply");
        ui.awaitNode("#replyBar");
        assertEquals(
                "Lunch at noon?",
                Ui.onFx(() -> robot.lookup("#replyBarText").queryAs(Label.class).getText()));
        robot.write("Yes, noon");
        Snapshots.save(ui.window().getScene(), "conversation-replying");
        robot.type(KeyCode.ENTER);

        awaitItemCount(3);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().getLast().stored()));
        ui.awaitNode(".message-quote");
        Snapshots.save(ui.window().getScene(), "conversation-reply");
        assertEquals(question.id(), Ui.onFx(() -> items().getLast().replyTo().id()));
        assertEquals(null, Ui.onFx(() -> ui.visible("#replyBar")));
        Message seenByBoris = boris.history(chat.id(), null, 1).results().getFirst();
        assertEquals("Yes, noon", seenByBoris.text());
        assertEquals(question.id(), seenByBoris.replyTo().id());
        assertEquals("Lunch at noon?", seenByBoris.replyTo().text());

        boris.editMessage(chat.id(), question.id(), "Lunch at one?");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(
                        () -> "Lunch at one?".equals(items().getLast().replyTo().text())));
        boris.deleteMessage(chat.id(), question.id());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> items().getLast().replyTo().deleted()));
    }

    @Test
    void theKeyboardAloneChoosesAMessageAndOpensItsMenuToReply() throws Exception {
        boris.send(chat.id(), "Lunch at noon?", "b-1", List.of());
        boris.send(chat.id(), "I am hungry", "b-2", List.of());
        openTheChat();
        awaitItemCount(2);

        // As Tab would: the list takes the keyboard and chooses the newest message in view.
        Ui.onFx(() -> {
            messageList().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> messageList().getSelectionModel().getSelectedIndex() == 1));
        robot.type(KeyCode.UP);
        assertEquals(0, Ui.onFx(() -> messageList().getSelectionModel().getSelectedIndex()));
        robot.press(KeyCode.SHIFT).press(KeyCode.F10).release(KeyCode.F10).release(KeyCode.SHIFT);

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#messageList .list-cell").queryAll().stream()
                        .map(node -> (ListCell<?>) node)
                        .anyMatch(cell -> cell.getIndex() == 0
                                && cell.getContextMenu() != null
                                && cell.getContextMenu().isShowing())));
        menus.fire("#messageList", 0, "Reply");
        ui.awaitNode("#replyBar");
        assertEquals(
                "Lunch at noon?",
                Ui.onFx(() -> robot.lookup("#replyBarText").queryAs(Label.class).getText()));
    }

    @Test
    void aReplySentAtTheBottomOfALongChatShowsWhollyWithNoJumpButton() throws Exception {
        Message last = null;
        for (int i = 1; i <= 30; i++) {
            String text = i == 25
                    ? "message 25, a long one: " + "the quote of a reply to it wraps over lines. ".repeat(6)
                    : "message " + i;
            last = boris.send(chat.id(), text, "b-" + i, List.of());
        }
        anna.markRead(chat.id(), last.id()); // read already: the chat opens at the newest message
        openTheChat();
        awaitItemCount(30);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Ui.onFx(() -> !jumpButtonShown()));

        menus.fire("#messageList", 24, "Reply"); // an older message, as people often answer
        ui.awaitNode("#replyBar");
        // The reply bar takes room from the list: the newest message must stay in view.
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        assertEquals(false, Ui.onFx(this::jumpButtonShown), "the reader is still at the newest message");
        robot.write("Agreed");
        robot.type(KeyCode.ENTER);
        awaitItemCount(31);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().getLast().stored()));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(false, Ui.onFx(this::jumpButtonShown), "no jump button at the bottom");
        assertEquals(true, Ui.onFx(this::newestWhollyInView), "the reply is wholly in view");
    }

    private boolean jumpButtonShown() {
        return robot.lookup("#jumpToBottom").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup(".jump-corner").tryQuery().map(Node::isVisible).orElse(false);
    }

    private boolean newestWhollyInView() {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) messageList().lookup(".virtual-flow");
        var cell = flow.getLastVisibleCell();
        return cell != null
                && cell.getIndex() == items().size() - 1
                && cell.getBoundsInParent().getMaxY() <= flow.getHeight() + 1;
    }

    @Test
    void clickingAQuoteBringsTheAnsweredMessageIntoViewLoadingOlderPages() throws Exception {
        Message first = boris.send(chat.id(), "the very first", "b-0", List.of());
        for (int i = 1; i <= 120; i++) {
            boris.send(chat.id(), "filler " + i, "b-" + i, List.of());
        }
        Message reply = boris.send(chat.id(), "about that first one", "b-reply", List.of(), first.id());
        people.anna().markRead(chat.id(), reply.id()); // read before: the chat opens at its newest
        openTheChat();
        ui.awaitNode(".message-quote");

        robot.clickOn(Ui.onFx(() -> ui.visible(".message-quote")));

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> {
                    MessageItem selected = messageList().getSelectionModel().getSelectedItem();
                    return selected != null && selected.id() == first.id();
                }));
        assertEquals(122, Ui.onFx(() -> items().size()));
    }

    private void openTheChat() throws Exception {
        people.startApp();
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#conversationView");
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> messageList() {
        return (ListView<MessageItem>) robot.lookup("#messageList").query();
    }

    private List<MessageItem> items() {
        return messageList().getItems();
    }

    private void awaitItemCount(int count) throws Exception {
        ui.awaitNode("#messageList");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> items().size() == count));
    }
}
