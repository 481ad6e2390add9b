package app.parley.desktop.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting for what the app shows, the way a person would look for it. The scene graph is read on
 * the FX thread, where it changes.
 */
public final class Ui {
    private final FxRobot robot;

    public Ui(FxRobot robot) {
        this.robot = robot;
    }

    /** Reads something on the FX thread. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Waits until a node the query finds is showing and laid out. */
    public void awaitNode(String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> visible(query) != null));
    }

    /**
     * Clicks the node {@code find} gives, finding it again when the click misses because the node
     * left the scene meanwhile (list cells are re-used and replaced as the list updates).
     */
    public void clickOnFresh(Callable<Node> find) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                robot.clickOn(onFx(find));
                return;
            } catch (RuntimeException detached) {
                if (attempt == 3) {
                    throw detached;
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /** The first match that is showing and laid out (cells reuse nodes: hidden copies may come first), or null. */
    public Node visible(String query) {
        return robot.lookup(query).queryAll().stream()
                .filter(Node::isVisible)
                .filter(node ->
                        node.getScene() != null && node.getLayoutBounds().getWidth() > 0)
                .findFirst()
                .orElse(null);
    }

    /** Waits until a visible unread badge shows the count. */
    public void awaitBadge(String count) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup(".unread-badge").queryAll().stream()
                        .filter(Node::isVisible)
                        .map(Label.class::cast)
                        .anyMatch(badge -> badge.getText().equals(count))));
    }

    public void awaitNoBadge() throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(
                        () -> robot.lookup(".unread-badge").queryAll().stream().noneMatch(Node::isVisible)));
    }

    /** The app's main window. */
    public Stage window() {
        return showingStages()
                .filter(stage -> stage.getOwner() == null)
                .findFirst()
                .orElseThrow();
    }

    /** The dialog open over the main window. */
    public Stage dialog() {
        return showingStages()
                .filter(stage -> stage.getOwner() != null)
                .findFirst()
                .orElseThrow();
    }

    private java.util.stream.Stream<Stage> showingStages() {
        return robot.listWindows().stream()
                .filter(Stage.class::isInstance)
                .map(Stage.class::cast)
                .filter(Window::isShowing);
    }
}
