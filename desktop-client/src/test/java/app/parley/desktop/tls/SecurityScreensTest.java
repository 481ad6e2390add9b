package app.parley.desktop.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The security screens in Russian and in the dark theme, where long words and low contrast show
 * first: the host's sign-in with its fingerprint, "This server", "Signed-in devices", and both
 * certificate questions. Each is saved as a screenshot to look at; the test checks that every
 * text in them is in Russian and that no text is cut short.
 */
@Tag("gui")
class SecurityScreensTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private RunningApp app;
    private TestServer server;

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
    void theHostsScreensInRussianAndDark() throws Exception {
        darkTheme();
        app = RunningApp.start(home, AppAccess::create, "ru");
        ui.click("#hostButton");
        ui.awaitNode("#hostedFingerprint");
        assertNothingCut(ui.window().getScene().getRoot());
        Snapshots.save(ui.window().getScene(), "register-hosted-ru-dark");
        ui.click("#usernameField").write("anna");
        ui.click("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#chatList");

        ui.click("#mainMenu");
        ui.click("#hostedServerItem");
        ui.awaitNode("#hostedServerDialog");
        assertRussian(ui.dialog());
        Snapshots.save(ui.dialog().getScene(), "hosted-server-ru-dark");
        robot.type(KeyCode.ESCAPE);

        ui.click("#mainMenu");
        ui.click("#sessionsItem");
        org.testfx.util.WaitForAsyncUtils.waitFor(
                20,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> Ui.onFx(() ->
                        !robot.lookup("#sessionList").queryListView().getItems().isEmpty()));
        assertRussian(ui.dialog());
        Snapshots.save(ui.dialog().getScene(), "sessions-ru-dark");
    }

    @Test
    void bothCertificateQuestionsInRussianAndDark() throws Exception {
        server = TestServer.withHttps(serverData);
        int port = server.httpsAddress().base().getPort();
        darkTheme();
        app = RunningApp.start(home, AppAccess::create, "ru");

        ui.click("#addressField").write(server.httpsAddress().toString());
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#certificateQuestion");
        assertRussian(ui.dialog());
        Snapshots.save(ui.dialog().getScene(), "certificate-first-use-ru-dark");
        robot.type(KeyCode.ESCAPE);

        Files.writeString(
                home.resolve("known-servers.json"),
                ParleyJson.mapper()
                        .writeValueAsString(Map.of("servers", Map.of("localhost:" + port, "AA:".repeat(31) + "AA"))));
        app.close();
        app = RunningApp.start(home, AppAccess::create, "ru");
        ui.click("#addressField").write(server.httpsAddress().toString());
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#certificateChanged");
        assertRussian(ui.dialog());
        assertFalse(Ui.onFx(() -> ((Button) ui.visible("#trustCertificateButton")).isDefaultButton()));
        Snapshots.save(ui.dialog().getScene(), "certificate-changed-ru-dark");
    }

    private void darkTheme() throws IOException {
        Files.writeString(home.resolve("settings.json"), "{\"theme\": \"DARK\"}");
    }

    /**
     * Every text of the dialog's own is Russian (what a list shows from the server aside; the
     * fingerprint and the address are in text fields, not labels), and whole.
     */
    private void assertRussian(Stage dialog) throws Exception {
        Node root = Ui.onFx(() -> dialog.getScene().getRoot());
        for (Labeled labeled : labelsIn(root)) {
            if (Ui.onFx(() -> inAList(labeled))) {
                continue;
            }
            String words = Ui.onFx(labeled::getText);
            if (words != null && words.chars().anyMatch(Character::isLetter)) {
                assertTrue(
                        words.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                        "not translated: " + words);
            }
        }
        assertNothingCut(root);
    }

    /** No label shows an ellipsis in place of its end. */
    private void assertNothingCut(Node root) throws Exception {
        for (Labeled labeled : labelsIn(root)) {
            boolean cut = Ui.onFx(() -> labeled.isVisible()
                    && labeled.lookup(".text") instanceof javafx.scene.text.Text shown
                    && labeled.getText() != null
                    && !labeled.getText().isEmpty()
                    && !shown.getText().equals(labeled.getText())
                    && shown.getText().endsWith(labeled.getEllipsisString()));
            assertFalse(cut, "cut short: " + Ui.onFx(labeled::getText));
        }
    }

    private static boolean inAList(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ListCell<?>) {
                return true;
            }
        }
        return false;
    }

    private java.util.List<Labeled> labelsIn(Node root) throws Exception {
        return Ui.onFx(() -> root.lookupAll(".label, .button").stream()
                .filter(Labeled.class::isInstance)
                .map(Labeled.class::cast)
                .filter(Node::isVisible)
                .toList());
    }
}
