package app.parley.desktop.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
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
     * Clicks what the query finds once it is showing inside its window. A query given straight to
     * the robot may pick a copy that is not placed yet (a screen being swapped in, an old one on
     * its way out); a click that still finds its node moved away is tried again.
     */
    public org.testfx.api.FxRobotInterface click(String query) throws Exception {
        for (int attempt = 1; ; attempt++) {
            awaitNode(query);
            try {
                return robot.clickOn(onFx(() -> visible(query)));
            } catch (RuntimeException moved) {
                if (attempt == 3) {
                    throw moved;
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /**
     * Clicks the answer at {@code index} (in the order the dialog was given its buttons) of the
     * dialog whose pane has the id {@code paneId}.
     */
    public void answer(String paneId, int index) throws Exception {
        robot.clickOn(onFx(() -> {
            var pane = (javafx.scene.control.DialogPane) robot.lookup(paneId).query();
            return pane.lookupButton(pane.getButtonTypes().get(index));
        }));
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

    /**
     * The first match that is showing, laid out and inside its window (cells reuse nodes: hidden
     * copies may come first; a screen that is being swapped in may not be placed yet), or null.
     */
    public Node visible(String query) {
        return robot.lookup(query).queryAll().stream()
                .filter(Ui::shownWithItsParents)
                .filter(Ui::insideItsWindow)
                .findFirst()
                .orElse(null);
    }

    private static boolean shownWithItsParents(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** What TestFX needs before it can click a node: a showing window whose area the node meets. */
    private static boolean insideItsWindow(Node node) {
        Scene scene = node.getScene();
        if (scene == null
                || scene.getWindow() == null
                || !scene.getWindow().isShowing()
                || node.getLayoutBounds().getWidth() <= 0) {
            return false;
        }
        Bounds inScene = node.localToScene(node.getBoundsInLocal());
        return inScene.intersects(new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
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
