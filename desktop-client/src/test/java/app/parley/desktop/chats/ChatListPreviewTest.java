package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.AppAccess;
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
import app.parley.model.file.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The chat list's preview of a last message that is only files: a paperclip with its name, or how many. */
@Tag("gui")
class ChatListPreviewTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    @TempDir
    Path files;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void aMessageOfOneFileShowsItsNameFromTheListAndOfSeveralHowManyLive() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        var chat = boris.openPrivateChat(anna.user().id());
        sendFiles(boris, chat.id(), "photo.png");
        startAppAs(anna);

        // The list as the server answers it at start.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview().equals("photo.png"));
        assertEquals(true, markedAsFiles());
        Snapshots.save(ui.window().getScene(), "chat-list-file-preview");

        // A last_message frame while the app runs.
        sendFiles(boris, chat.id(), "a.txt", "b.txt", "c.txt");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview().equals("3 files"));
    }

    @Test
    void theCountIsSaidInRussianInTheRussianApp() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Борис");
        var anna = server.client().register("anna", "correct horse battery", "Анна");
        var chat = boris.openPrivateChat(anna.user().id());
        sendFiles(boris, chat.id(), "отчёт.txt", "смета.txt");
        startAppAs(anna, "ru");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview().equals("Файлов: 2"));
        assertEquals(true, markedAsFiles());
        Snapshots.save(ui.window().getScene(), "chat-list-files-preview-ru");
    }

    @Test
    void aNameCutShortInTheListShowsWholeOnHoverAndAShortOneHasNoTooltip() throws Exception {
        server = TestServer.start(serverData);
        String longName = "Dmitri Ivanovich Mendeleev of the Periodic Table of Elements";
        ApiClient boris = server.register("boris", longName);
        ApiClient clara = server.register("clara", "Clara");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        boris.send(boris.openPrivateChat(anna.user().id()).id(), "hello", "b-1", List.of());
        clara.send(clara.openPrivateChat(anna.user().id()).id(), "hi", "c-1", List.of());
        startAppAs(anna);

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> nameLabel(longName) != null
                        && nameLabel("Clara") != null
                        && nameLabel(longName).isTextTruncated()));
        assertEquals(longName, Ui.onFx(() -> nameLabel(longName).getTooltip().getText()));
        assertEquals(null, Ui.onFx(() -> nameLabel("Clara").getTooltip()));
    }

    @Test
    void ctrlKFindsAChatAndEnterOpensItReadyToWrite() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        ApiClient clara = server.register("clara", "Клара");
        var anna = server.client().register("anna", "correct horse battery", "Anna");
        clara.send(clara.openPrivateChat(anna.user().id()).id(), "hi", "c-1", List.of());
        boris.send(boris.openPrivateChat(anna.user().id()).id(), "hello", "b-1", List.of());
        startAppAs(anna);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> nameLabel("Клара") != null));

        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        robot.write("кла").type(KeyCode.ENTER);

        ui.awaitNode("#composer");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#composer").query().isFocused()));
        assertEquals(
                "",
                Ui.onFx(() ->
                        robot.lookup("#chatFilter").queryAs(TextField.class).getText()));
        assertEquals(
                "Клара",
                Ui.onFx(() -> robot.lookup("#chatList")
                        .<ChatRoom>queryListView()
                        .getSelectionModel()
                        .getSelectedItem()
                        .name()));
    }

    private void startAppAs(AuthResponse anna) throws Exception {
        startAppAs(anna, "en");
    }

    /** The app in {@code locale}, signed in as {@code anna} already (a saved session). */
    private void startAppAs(AuthResponse anna, String locale) throws Exception {
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        app = RunningApp.start(home, AppAccess::create, locale);
    }

    private Label nameLabel(String name) {
        return robot.lookup(".chat-name").queryAllAs(Label.class).stream()
                .filter(label -> label.isVisible() && name.equals(label.getText()))
                .findFirst()
                .orElse(null);
    }

    private void sendFiles(ApiClient author, long chatId, String... names) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            byte[] content = new byte[300];
            new Random(name.hashCode()).nextBytes(content);
            Path file = Files.write(files.resolve(name), content);
            Attachment uploaded = author.upload(chatId, file, sent -> {}).get(20, TimeUnit.SECONDS);
            ids.add(uploaded.id());
        }
        author.send(chatId, "", "files-" + String.join("-", names), ids);
    }

    /** The preview of files carries a paperclip icon, as a text preview does not. */
    private boolean markedAsFiles() throws Exception {
        return Ui.onFx(() -> ((Label) ui.visible("#chatList .chat-preview")).getGraphic() instanceof FontIcon icon
                && icon.getIconCode() == Feather.PAPERCLIP);
    }

    private String preview() throws Exception {
        return Ui.onFx(() -> {
            var shown = ui.visible("#chatList .chat-preview");
            return shown == null ? "" : ((Label) shown).getText();
        });
    }
}
