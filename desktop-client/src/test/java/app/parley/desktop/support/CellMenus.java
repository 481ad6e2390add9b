package app.parley.desktop.support;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Chooses an item of a list cell's context menu. The headless platform opens no context menu
 * for a right click, so the item (or the item of a submenu) is fired as a click would.
 */
public final class CellMenus {
    private final FxRobot robot;

    public CellMenus(FxRobot robot) {
        this.robot = robot;
    }

    /**
     * Fires {@code path} (a menu item's text, or a submenu's text and then its item's) in the
     * menu of the cell showing row {@code index} of the list {@code list} finds.
     */
    public void fire(String list, int index, String... path) throws Exception {
        MenuItem chosen = Ui.onFx(() -> {
            ListCell<?> cell = robot.lookup(list + " .list-cell").queryAllAs(ListCell.class).stream()
                    .filter(shown -> shown.getIndex() == index && shown.getItem() != null)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no cell shows row " + index + " of " + list));
            List<MenuItem> items = cell.getContextMenu().getItems();
            for (int i = 0; ; i++) {
                String text = path[i];
                MenuItem item = items.stream()
                        .filter(candidate -> text.equals(candidate.getText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no menu item '" + text + "' in " + list));
                if (i == path.length - 1) {
                    return item;
                }
                items = ((Menu) item).getItems();
            }
        });
        // Fired later, not inside a wait for the FX thread: an item that asks first (a dialog's
        // showAndWait) would otherwise hold that wait until the test answers it.
        Platform.runLater(chosen::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
