package app.parley.desktop.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real composition root and looks at the first window a user sees. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ParleyDesktopAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ParleyDesktopApp().start(stage);
    }

    @Test
    void theWindowIsTitledParleyAndShowing() {
        assertEquals("Parley", stage.getTitle());
        assertTrue(stage.isShowing());
    }

    @Test
    void theAppOpensOnTheWelcomeScreenTitledParley(FxRobot robot) {
        assertEquals(
                "Parley", robot.lookup("#welcomeTitle").queryAs(Label.class).getText());
        assertEquals(
                "Host a chat on this computer or join one on your network",
                robot.lookup("#welcomeTagline").queryAs(Label.class).getText());
    }

    @Test
    void hostAndJoinAreShownButDisabledForNow(FxRobot robot) {
        Button host = robot.lookup("#hostButton").queryButton();
        Button join = robot.lookup("#joinButton").queryButton();

        assertEquals(List.of("Host", true, true), List.of(host.getText(), host.isVisible(), host.isDisabled()));
        assertEquals(List.of("Join", true, true), List.of(join.getText(), join.isVisible(), join.isDisabled()));
    }

    @Test
    void hoveringTheDisabledHostButtonSaysItIsComingSoon(FxRobot robot) {
        robot.moveTo("#hostButton");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> showingTooltipText(robot), text -> text.equals(Optional.of("Coming soon")));
    }

    /** Reads the window list on the FX thread, where it is mutated. */
    private static Optional<String> showingTooltipText(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.listWindows().stream()
                        .filter(Tooltip.class::isInstance)
                        .map(Tooltip.class::cast)
                        .filter(Window::isShowing)
                        .map(Tooltip::getText)
                        .findFirst())
                .get();
    }
}
