package app.parley.desktop.newchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
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

/** Starting a private chat and creating a group from the app, headless, against a real server. */
@Tag("gui")
class NewChatTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;
    private ApiClient boris;

    @BeforeEach
    void signedInAnna() throws Exception {
        server = TestServer.start(serverData);
        boris = server.register("boris", "Борис Петров");
        server.register("vera", "Vera");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#chatListEmpty");
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void aNewChatFindsAPersonByUsernameAndOpensTheChat() throws Exception {
        robot.clickOn("#newMenu");
        robot.clickOn("New chat…");
        ui.awaitNode("#userSearchField");
        robot.clickOn("#userSearchField").write("bor");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> results("#userSearchResults").size() == 1));
        Snapshots.save(ui.dialog().getScene(), "new-chat");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);

        ui.awaitNode("#conversationView");
        assertEquals(
                "Борис Петров",
                Ui.onFx(() ->
                        robot.lookup("#conversationTitle").queryAs(Label.class).getText()));
        List<ChatRoom> borisChats = boris.chats();
        assertEquals(1, borisChats.size());
        assertEquals(ChatType.PRIVATE, borisChats.getFirst().type());
    }

    @Test
    void aNameThatMatchesNobodySaysWhatWasSearchedFor() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        ui.awaitNode("#userSearchField");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> results("#userSearchResults").size() >= 2));
        robot.clickOn("#userSearchField").write("zoe");
        String expected = "Nobody's username or name starts with \u201czoe\u201d.";
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.equals(nobodyListed()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the empty list says " + nobodyListed() + "; the field holds "
                    + Ui.onFx(() -> robot.lookup("#userSearchField")
                            .queryAs(javafx.scene.control.TextField.class)
                            .getText()));
        }
        assertTrue(
                Ui.onFx(() -> robot.lookup("#nobodyListed").queryAs(Label.class).isVisible()));
        robot.type(KeyCode.ESCAPE);
    }

    private String nobodyListed() throws Exception {
        return Ui.onFx(() -> robot.lookup("#nobodyListed")
                .tryQueryAs(Label.class)
                .map(Label::getText)
                .orElse(null));
    }

    @Test
    void aNewGroupIsCreatedWithThePeopleTickedAndOpens() throws Exception {
        robot.clickOn("#newMenu");
        robot.clickOn("New group…");
        ui.awaitNode("#groupNameField");
        robot.clickOn("#groupNameField");
        javafx.scene.control.TextField name =
                robot.lookup("#groupNameField").queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Ui.onFx(name::isFocused));
        assertTrue(
                Ui.onFx(() -> name.lookupAll("*").stream()
                        .anyMatch(node -> node instanceof javafx.scene.text.Text prompt
                                && prompt.isVisible()
                                && prompt.getText().equals(name.getPromptText()))),
                "an empty field says what goes in it while the cursor is in it");
        Snapshots.save(ui.dialog().getScene(), "new-group-empty");
        robot.write("Проект «Парус»");
        // Tab goes on to the description, and on from it, as in any form (no tab typed into it).
        var description =
                Ui.onFx(() -> robot.lookup("#groupDescriptionField").queryAs(javafx.scene.control.TextArea.class));
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Ui.onFx(description::isFocused));
        robot.write("Паруса и ветер");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Ui.onFx(() -> !description.isFocused()));
        assertEquals("Паруса и ветер", Ui.onFx(description::getText));
        // The dialog grows to its content once shown: the field is clicked where it has settled.
        ui.awaitNode("#memberSearchField");
        robot.clickOn(Ui.onFx(() -> ui.visible("#memberSearchField"))).write("bor");
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> results("#memberSearchResults").size() == 1));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "no search result; the search field holds '"
                            + Ui.onFx(() -> robot.lookup("#memberSearchField")
                                    .queryAs(javafx.scene.control.TextField.class)
                                    .getText())
                            + "', the name field '"
                            + Ui.onFx(() -> robot.lookup("#groupNameField")
                                    .queryAs(javafx.scene.control.TextField.class)
                                    .getText())
                            + "', the results " + Ui.onFx(() -> results("#memberSearchResults"))
                            + ", the dialog says "
                            + Ui.onFx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                                    .map(Label::getText)
                                    .filter(t -> t != null && !t.isBlank())
                                    .toList()),
                    e);
        }
        robot.clickOn(robot.lookup("#memberSearchResults .check-box").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#chosenMembers")
                        .queryAs(Label.class)
                        .getText()
                        .contains("Борис")));
        Snapshots.save(ui.dialog().getScene(), "new-group");
        robot.clickOn("Create group");

        ui.awaitNode("#conversationView");
        assertEquals(
                "Проект «Парус»",
                Ui.onFx(() ->
                        robot.lookup("#conversationTitle").queryAs(Label.class).getText()));
        List<ChatRoom> borisChats = boris.chats();
        assertEquals(
                List.of("Проект «Парус»"),
                borisChats.stream().map(ChatRoom::name).toList());
        assertEquals(ChatType.GROUP, borisChats.getFirst().type());
    }

    @Test
    void theDialogsCancelButtonsSpeakTheAppsLanguageNotTheJvms() throws Exception {
        app.close();
        app = RunningApp.start(home, AppAccess::create, "ru");
        ui.awaitNode("#chatListEmpty");

        robot.clickOn("#newMenu");
        robot.clickOn("Новый чат…");
        ui.awaitNode("#userSearchField");
        assertEquals(List.of("Отмена"), cancelButtons());
        robot.type(KeyCode.ESCAPE);

        robot.clickOn("#newMenu");
        robot.clickOn("Новая группа…");
        ui.awaitNode("#groupNameField");
        assertEquals(List.of("Отмена"), cancelButtons());
        Snapshots.save(ui.dialog().getScene(), "new-group-ru");
        robot.clickOn("Отмена");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#groupNameField").tryQuery().isEmpty()));
    }

    /** The texts of the open dialog's cancel buttons. */
    private List<String> cancelButtons() throws Exception {
        return Ui.onFx(() -> {
            DialogPane pane = (DialogPane) ui.dialog().getScene().getRoot().lookup(".dialog-pane");
            return pane.getButtonTypes().stream()
                    .filter(type -> type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
                    .map(type -> ((Button) pane.lookupButton(type)).getText())
                    .toList();
        });
    }

    private List<?> results(String query) {
        return ((ListView<?>) robot.lookup(query).query()).getItems();
    }
}
