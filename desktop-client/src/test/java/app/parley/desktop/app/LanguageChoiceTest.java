package app.parley.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** README's command passes no JVM flags: the language can be chosen from the environment. */
@Tag("gui")
class LanguageChoiceTest {
    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private RunningApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void parleyDesktopLocaleInTheEnvironmentChoosesRussian() throws Exception {
        app = RunningApp.startWithEnvironment(home, AppAccess::create, Map.of("PARLEY_DESKTOP_LOCALE", "ru"));

        ui.awaitNode("#welcomeTagline");
        assertEquals(
                "Общайтесь с теми, кто в вашей сети. Без чужих аккаунтов и облаков.",
                Ui.onFx(() ->
                        robot.lookup("#welcomeTagline").queryAs(Label.class).getText()));
        // Russian sentences are longer: every line of the welcome screen shows whole, none cut with "…".
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = Ui.onFx(() -> robot.lookup("#welcomeView .label").queryAllAs(Label.class).stream()
                .filter(label -> label.isVisible()
                        && label.getText() != null
                        && !label.getText().isEmpty())
                .filter(label -> label.lookupAll(".text").stream()
                        .map(node -> ((Text) node).getText())
                        .noneMatch(shown -> shown.equals(label.getText())))
                .map(Label::getText)
                .toList());
        Snapshots.save(ui.window().getScene(), "welcome-ru");
        assertEquals(List.of(), cut, "labels shown cut short");
    }
}
