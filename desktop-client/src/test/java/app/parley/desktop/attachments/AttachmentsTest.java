package app.parley.desktop.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files in a conversation of the real app, headless, against a real server that takes files up
 * to 64 KB; Boris sends from another client. Files get into the composer the way a person pastes
 * them: on the clipboard, then Ctrl+V in the composer.
 */
@Tag("gui")
class AttachmentsTest {
    private static final String PASSWORD = "correct horse battery";
    private static final long LIMIT = 64 * 1024;

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
    private ApiClient boris;
    private ApiClient annaApi;
    private AuthResponse anna;
    private ChatRoom chat;

    @BeforeEach
    void signedInAnnaWithAChatFromBoris() {
        server = TestServer.start(serverData, Map.of("parley.files.max-file-size", "64KB"));
        boris = server.register("boris", "Boris");
        anna = server.client().register("anna", PASSWORD, "Anna");
        annaApi = server.client().signedIn(anna.accessToken());
        chat = boris.openPrivateChat(anna.user().id());
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void anImageSentFromTheAppShowsItsThumbnailToTheSenderAndReachesTheOtherSide() throws Exception {
        Path picture = picture("море.png", 600, 400);
        startAppInTheChat();

        paste(picture);
        awaitChips(List.of("море.png"));
        robot.clickOn("#composer").write("look at this");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> items().size() == 1 && items().getFirst().status() == MessageItem.Status.SENT));
        awaitThumbnails(1);
        assertEquals(List.of(), Ui.onFx(() -> List.copyOf(chipNames())), "the composer is empty again");
        Message seenByBoris = boris.history(chat.id(), null, 10).results().getFirst();
        assertEquals("look at this", seenByBoris.text());
        Attachment sent = seenByBoris.attachments().getFirst();
        assertEquals(List.of("море.png", 600, 400), List.of(sent.name(), sent.width(), sent.height()));
        assertArrayEquals(Files.readAllBytes(picture), boris.fileBytes(sent.id()));
    }

    @Test
    void filesFromAnotherClientShowAsAThumbnailAndAsANameWithItsSize() throws Exception {
        var image = boris.upload(chat.id(), picture("закат.png", 640, 360), sent -> {})
                .join();
        var report = boris.upload(chat.id(), bytes("quarterly report.pdf", 20_480), sent -> {})
                .join();
        boris.send(chat.id(), "two files", "m-files", List.of(image.id(), report.id()));
        boris.send(
                chat.id(),
                "",
                "m-zip",
                List.of(boris.upload(chat.id(), bytes("фото-архив.zip", 1_500), sent -> {})
                        .join()
                        .id()));

        startAppInTheChat();

        awaitThumbnails(1);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> texts(".attachment-name").size() == 2));
        // Cells are reused in any order in the scene graph: compare what is shown, not where.
        assertEquals(
                List.of("quarterly report.pdf", "фото-архив.zip"),
                Ui.onFx(() -> texts(".attachment-name").stream().sorted().toList()));
        assertEquals(
                List.of("1.5 KB", "20 KB"),
                Ui.onFx(() -> texts(".attachment-size").stream().sorted().toList()));
        assertTrue(
                Ui.onFx(() -> robot.lookup(".list-cell").queryAll().stream()
                        .map(Node::getAccessibleText)
                        .anyMatch(said -> said != null && said.startsWith("Boris: фото-архив.zip, "))),
                "a message of files alone is read out by its files' names");
        snapshotsLightAndDark("attachments");
    }

    @Test
    void clickingAThumbnailOpensTheWholeImageAndEscClosesIt() throws Exception {
        var image = boris.upload(chat.id(), picture("горы.png", 900, 600), sent -> {})
                .join();
        boris.send(chat.id(), "", "m-img", List.of(image.id()));
        startAppInTheChat();
        awaitThumbnails(1);

        robot.clickOn(robot.lookup(".attachment-thumbnail").queryAs(Node.class));

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#fullImage").tryQuery().isPresent()
                        && robot.lookup("#fullImage").queryAs(ImageView.class).getImage() != null));
        assertEquals(
                900.0,
                Ui.onFx(() -> robot.lookup("#fullImage")
                        .queryAs(ImageView.class)
                        .getImage()
                        .getWidth()));
        Stage viewer = Ui.onFx(
                () -> (Stage) robot.lookup("#fullImage").query().getScene().getWindow());
        assertEquals("горы.png", Ui.onFx(viewer::getTitle));
        String details =
                Ui.onFx(() -> robot.lookup("#imageViewerDetails").queryLabeled().getText());
        assertTrue(
                details.matches("900 × 600 · [0-9.,]+ KB"),
                "the viewer says the image's size in pixels and bytes: " + details);
        assertTrue(
                Ui.onFx(() -> robot.lookup("#imageViewerSave").tryQuery().isPresent()
                        && robot.lookup("#imageViewerOpen").tryQuery().isPresent()),
                "the viewer offers to save and to open the image");
        var fullImage = Ui.onFx(() -> robot.lookup("#fullImage").queryAs(ImageView.class));
        var fullBounds = Ui.onFx(() -> fullImage.localToScene(fullImage.getBoundsInLocal()));
        assertTrue(
                fullBounds.getMaxY()
                        <= Ui.onFx(() -> robot.lookup(".image-viewer-bar")
                                        .query()
                                        .localToScene(robot.lookup(".image-viewer-bar")
                                                .query()
                                                .getBoundsInLocal())
                                        .getMinY())
                                + 0.5,
                "the image stays above the viewer's bar: " + fullBounds);
        Snapshots.save(viewer.getScene(), "attachments-viewer");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Ui.onFx(() -> !viewer.isShowing()));

        // An image is a file too: its own menu saves or opens it, not the message's menu.
        // The headless platform opens no context menus for a right click: the event it would send.
        Ui.onFx(() -> {
            Node thumbnail = robot.lookup(".attachment-thumbnail").queryAs(Node.class);
            var centre = thumbnail.localToScreen(
                    thumbnail.getBoundsInLocal().getCenterX(),
                    thumbnail.getBoundsInLocal().getCenterY());
            javafx.event.Event.fireEvent(
                    thumbnail,
                    new javafx.scene.input.ContextMenuEvent(
                            javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                            10,
                            10,
                            centre.getX(),
                            centre.getY(),
                            false,
                            null));
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> shownMenuItems().equals(List.of("Save as…", "Open"))));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aFileOverTheServersLimitIsRefusedBeforeItsUploadWithItsSizeAndTheLimit() throws Exception {
        Path big = bytes("video.mp4", (int) LIMIT + 1);
        Path small = bytes("notes.txt", 100);
        startAppInTheChat();

        paste(big, small);

        ui.awaitNode("#attachmentNotice");
        assertEquals(
                "\"video.mp4\" is 65 KB: this server takes files up to 64 KB. It was not added.",
                Ui.onFx(() ->
                        robot.lookup("#attachmentNotice").queryAs(Label.class).getText()));
        awaitChips(List.of("notes.txt"));
        assertEquals(0, annaApi.storage().usedBytes(), "nothing was uploaded");
        snapshotsLightAndDark("attachments-too-big");
    }

    @Test
    void aMessageWithOnlyAFileAndNoTextIsSent() throws Exception {
        Path notes = bytes("notes.txt", 300);
        startAppInTheChat();

        paste(notes);
        awaitChips(List.of("notes.txt"));
        robot.clickOn("#sendButton");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> boris.history(chat.id(), null, 10).results().size() == 1);
        Message seen = boris.history(chat.id(), null, 10).results().getFirst();
        assertEquals(
                List.of("", "notes.txt", 300L),
                List.of(
                        seen.text(),
                        seen.attachments().getFirst().name(),
                        seen.attachments().getFirst().size()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> texts(".attachment-name").equals(List.of("notes.txt"))));
    }

    @Test
    void aMessageWrittenOfflineWaitsWithItsFileAndIsSentOnceTheServerIsBack() throws Exception {
        Path notes = bytes("notes.txt", 300);
        startAppInTheChat();
        paste(notes);
        awaitChips(List.of("notes.txt"));
        int port = server.port();

        server.stop();
        typeWhileOffline("after the outage");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> items().size() == 1 && items().getFirst().status() == MessageItem.Status.SENDING));
        assertEquals(List.of("notes.txt"), Ui.onFx(() -> texts(".attachment-name")));
        Snapshots.save(ui.window().getScene(), "attachments-waiting");
        server.startAgain(port);

        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> items().size() == 1 && items().getFirst().status() == MessageItem.Status.SENT));
        List<Message> seen = boris.history(chat.id(), null, 10).results();
        assertEquals(1, seen.size());
        assertEquals(
                List.of("after the outage", "notes.txt"),
                List.of(
                        seen.getFirst().text(),
                        seen.getFirst().attachments().getFirst().name()));
    }

    @Test
    void aFileCancelledFromAWaitingMessageStaysBehindWhenTheMessageIsSent() throws Exception {
        startAppInTheChat();
        paste(bytes("draft.txt", 300));
        awaitChips(List.of("draft.txt"));
        int port = server.port();
        server.stop();
        typeWhileOffline("text only, in the end");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !items().isEmpty() && items().getFirst().status() == MessageItem.Status.SENDING));

        robot.clickOn(robot.lookup(".attachment-cancel").queryAs(Node.class));
        assertEquals(
                Upload.State.CANCELLED,
                Ui.onFx(() ->
                        items().getFirst().uploads().getFirst().stateProperty().get()));
        server.startAgain(port);

        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> items().size() == 1 && items().getFirst().status() == MessageItem.Status.SENT));
        Message seen = boris.history(chat.id(), null, 10).results().getFirst();
        assertEquals(List.of("text only, in the end", List.of()), List.of(seen.text(), seen.attachments()));
        assertEquals(0, annaApi.storage().usedBytes());
    }

    @Test
    void anImageOnTheClipboardIsPastedAsAPngFile() throws Exception {
        startAppInTheChat();
        var image = new WritableImage(40, 30);
        WaitForAsyncUtils.asyncFx(() -> {
                    for (int x = 0; x < 40; x++) {
                        for (int y = 0; y < 30; y++) {
                            image.getPixelWriter().setArgb(x, y, 0xff3a8fd9);
                        }
                    }
                    var content = new ClipboardContent();
                    content.putImage(image);
                    Clipboard.getSystemClipboard().setContent(content);
                })
                .get();

        robot.clickOn("#composer");
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> chipNames().size() == 1
                        && chipNames().getFirst().startsWith("Pasted image ")
                        && chipNames().getFirst().endsWith(".png")));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> boris.history(chat.id(), null, 10).results().size() == 1);
        Attachment pasted = boris.history(chat.id(), null, 10)
                .results()
                .getFirst()
                .attachments()
                .getFirst();
        assertEquals(List.of("image/png", 40, 30), List.of(pasted.contentType(), pasted.width(), pasted.height()));
    }

    @Test
    void openingAFileWhereTheSystemCannotOpenFilesSaysSo() throws Exception {
        var report =
                boris.upload(chat.id(), bytes("report.txt", 200), sent -> {}).join();
        boris.send(chat.id(), "", "m-report", List.of(report.id()));
        startAppInTheChat();
        ui.awaitNode(".attachment-file");

        robot.clickOn(robot.lookup(".attachment-file .hyperlink")
                .lookup((Hyperlink link) -> link.getText().equals("Open"))
                .queryAs(Node.class));

        ui.awaitNode("#attachmentNotice");
        assertEquals(
                "This computer cannot open files from Parley. Use \"Save as…\" instead.",
                Ui.onFx(() ->
                        robot.lookup("#attachmentNotice").queryAs(Label.class).getText()));
    }

    @Test
    void inRussianSizesAndActionsReadInRussian() throws Exception {
        var report = boris.upload(
                        chat.id(), bytes("Отчёт за квартал с очень длинным названием файла.pdf", 1_536), sent -> {})
                .join();
        var image = boris.upload(chat.id(), picture("узкая.png", 120, 700), sent -> {})
                .join();
        boris.send(chat.id(), "Вот отчёт и картинка", "m-ru", List.of(report.id(), image.id()));

        startAppInTheChat(Map.of("parley.desktop.locale", "ru"));
        awaitThumbnails(1);
        paste(bytes("большой файл.bin", (int) LIMIT * 3), bytes("заметки.txt", 2_048));
        awaitChips(List.of("заметки.txt"));

        assertEquals(List.of("1,5 КБ"), Ui.onFx(() -> texts(".attachment-size")));
        assertEquals(
                "«большой файл.bin» весит 192 КБ, а этот сервер принимает файлы не больше 64 КБ. Файл не добавлен.",
                Ui.onFx(() ->
                        robot.lookup("#attachmentNotice").queryAs(Label.class).getText()));
        Snapshots.save(ui.window().getScene(), "attachments-ru");
    }

    /** Saves the window as {@code name-light} and {@code name-dark}, and leaves the light theme on. */
    private void snapshotsLightAndDark(String name) throws Exception {
        Snapshots.save(ui.window().getScene(), name + "-light");
        try {
            WaitForAsyncUtils.asyncFx(
                            () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.save(ui.window().getScene(), name + "-dark");
        } finally {
            WaitForAsyncUtils.asyncFx(
                            () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()))
                    .get();
        }
    }

    /** The items of the context menus showing now. */
    private List<String> shownMenuItems() {
        return robot.lookup(".context-menu .menu-item .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(label ->
                        label.getScene() != null && label.getScene().getWindow().isShowing())
                .map(javafx.scene.control.Label::getText)
                .toList();
    }

    private void startAppInTheChat() throws Exception {
        startAppInTheChat(Map.of());
    }

    private void startAppInTheChat(Map<String, String> more) throws Exception {
        app = RunningApp.start(home, (environment, properties) -> {
            Map<String, String> all = new HashMap<>(properties);
            all.putAll(more);
            return AppAccess.create(environment, all);
        });
        ui.awaitNode("#chatList .chat-cell");
        robot.clickOn(robot.lookup("#chatList .chat-cell").queryAs(Node.class));
        ui.awaitNode("#conversationView");
        ui.awaitNode("#composer");
    }

    /** Puts the files on the clipboard and presses Ctrl+V in the composer, as a person would. */
    private void paste(Path... paths) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    var content = new ClipboardContent();
                    content.putFiles(List.of(paths).stream().map(Path::toFile).toList());
                    Clipboard.getSystemClipboard().setContent(content);
                })
                .get();
        assertTrue(Ui.onFx(() -> Clipboard.getSystemClipboard().getFiles().stream()
                .map(File::toPath)
                .toList()
                .equals(List.of(paths))));
        robot.clickOn("#composer");
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
    }

    private void awaitChips(List<String> names) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> chipNames().equals(names)));
    }

    private List<String> chipNames() {
        return texts(".attachment-chip-name");
    }

    private void awaitThumbnails(int count) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup(".attachment-thumbnail").queryAll().stream()
                                .filter(frame -> frame.lookup(".image-view") instanceof ImageView view
                                        && view.getImage() != null)
                                .count()
                        == count));
    }

    private List<String> texts(String query) {
        return robot.lookup(query).queryAll().stream()
                .filter(Node::isVisible)
                .filter(node -> node.getScene() == mainScene())
                .map(Label.class::cast)
                .map(Label::getText)
                .toList();
    }

    private Scene mainScene() {
        return robot.listWindows().stream()
                .filter(Stage.class::isInstance)
                .filter(window -> ((Stage) window).getOwner() == null)
                .filter(Window::isShowing)
                .findFirst()
                .orElseThrow()
                .getScene();
    }

    @SuppressWarnings("unchecked")
    private List<MessageItem> items() {
        return ((ListView<MessageItem>) robot.lookup("#messageList").query()).getItems();
    }

    /**
     * Types into the composer once the window shows it is offline. Typed through the field itself:
     * while the offline bar arrives the layout moves for a pulse, and a robot's click can miss.
     */
    private void typeWhileOffline(String message) throws Exception {
        ui.awaitNode("#offlineBar");
        Ui.onFx(() -> {
            var composer = robot.lookup("#composer").queryAs(javafx.scene.control.TextArea.class);
            composer.requestFocus();
            composer.setText(message);
            return null;
        });
    }

    private Path picture(String name, int width, int height) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var pen = image.createGraphics();
        pen.setColor(new Color(0x2f6fb5));
        pen.fillRect(0, 0, width, height);
        pen.setColor(new Color(0xf2c14e));
        pen.fillOval(width / 3, height / 4, width / 3, height / 2);
        pen.setColor(new Color(0x1d3d2f));
        pen.fillRect(0, height * 3 / 4, width, height / 4);
        pen.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private Path bytes(String name, int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(files.resolve(name), content);
    }
}
