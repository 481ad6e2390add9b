package app.parley.desktop.search;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** "Search all chats": the newest matches of every chat, and the one chosen opens at its message. */
@Tag("gui")
class MessageSearchTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;

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
    void aMatchInAnotherChatOpensThatChatAtTheMessageLoadingOlderPagesForIt() throws Exception {
        server = TestServer.start(serverData, Map.of());
        ApiClient boris = server.register("boris", "Boris");
        ApiClient vera = server.register("vera", "Вера");
        AuthResponse anna = server.client().register("anna", PASSWORD, "Anna");
        ChatRoom withBoris = boris.openPrivateChat(anna.user().id());
        ChatRoom withVera = vera.openPrivateChat(anna.user().id());
        boris.send(withBoris.id(), "Встречаемся у старого маяка в семь", "old", List.of());
        for (int i = 1; i <= 120; i++) {
            boris.send(withBoris.id(), "later message " + i, "later-" + i, List.of());
        }
        vera.send(withVera.id(), "Маяк закрыт до весны", "new", List.of());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatList .chat-cell");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.awaitNode("#messageSearchField");
        robot.clickOn("#messageSearchField").write("маяк"); // no Enter: it searches once typing stops
        try {
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> Ui.onFx(() -> hits().getItems().size() == 2));
        } catch (TimeoutException e) {
            throw new AssertionError("no two matches; typed: '"
                    + Ui.onFx(() -> robot.lookup("#messageSearchField")
                            .queryAs(TextField.class)
                            .getText())
                    + "', problem: '"
                    + Ui.onFx(() -> robot.lookup("#messageSearchProblem")
                            .queryAs(Label.class)
                            .getText())
                    + "', hits: " + Ui.onFx(() -> hits().getItems()));
        }

        assertEquals(
                List.of("Вера", "Boris"),
                Ui.onFx(() -> hits().getItems().stream()
                        .map(MessageSearchViewModel.Hit::chatName)
                        .toList()),
                "newest first, each with its chat's name");
        Snapshots.save(robot.lookup("#messageSearchField").query().getScene(), "search-all-chats");

        // Typing on puts the old results away at once, before the new search answers.
        robot.type(KeyCode.BACK_SPACE);
        assertEquals(0, Ui.onFx(() -> hits().getItems().size()), "no results of another query on show");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> hits().getItems().size() == 2));
        robot.clickOn("#messageSearchField");

        robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> {
                    var list = robot.lookup("#messageList").query();
                    if (!(list instanceof ListView<?> messages)
                            || !(messages.getSelectionModel().getSelectedItem() instanceof MessageItem item)) {
                        return false;
                    }
                    return item.text().equals("Встречаемся у старого маяка в семь");
                }));
        assertEquals(
                withBoris.id(),
                Ui.onFx(() -> ((ChatRoom) robot.lookup("#chatList")
                                .queryAs(ListView.class)
                                .getSelectionModel()
                                .getSelectedItem())
                        .id()));
    }

    @Test
    void inRussianAndDarkTheOwnMessagesSayYou() throws Exception {
        server = TestServer.start(serverData, Map.of());
        ApiClient boris = server.register("boris", "Борис Владимирович Длиннофамильный");
        AuthResponse anna = server.client().register("anna", PASSWORD, "Анна");
        ChatRoom withBoris = boris.openPrivateChat(anna.user().id());
        boris.send(withBoris.id(), "Отчёт за ноябрь готов?", "q", List.of());
        server.client()
                .signedIn(anna.accessToken())
                .send(withBoris.id(), "Отчёт отправила вчера вечером, посмотри почту", "a", List.of());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        Files.writeString(home.resolve("settings.json"), "{\"theme\": \"DARK\"}");
        app = RunningApp.start(home, AppAccess::create, "ru");
        ui.awaitNode("#chatList .chat-cell");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.awaitNode("#messageSearchField");
        assertEquals("Поиск по всем чатам", Ui.onFx(() -> ui.dialog().getTitle()));
        robot.clickOn("#messageSearchField").write("отчёт").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> hits().getItems().size() == 2));

        assertEquals(
                List.of(true, false),
                Ui.onFx(() -> hits().getItems().stream()
                        .map(MessageSearchViewModel.Hit::mine)
                        .toList()));
        assertTrue(Ui.onFx(() -> robot.lookup("#messageSearchResults .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().startsWith("Вы: Отчёт отправила"))));
        Snapshots.save(ui.dialog().getScene(), "search-all-chats-ru-dark");
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageSearchViewModel.Hit> hits() {
        return (ListView<MessageSearchViewModel.Hit>)
                robot.lookup("#messageSearchResults").query();
    }
}
