package app.parley.desktop.app;

import javafx.scene.TraversalDirection;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab moves on from a form's text area, as from any other field, instead of typing a tab
 * character nobody wants in a description; Shift+Tab moves back.
 */
public final class TabLeavesText {
    private TabLeavesText() {}

    public static TextArea in(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isShortcutDown() && !event.isAltDown()) {
                event.consume();
                area.requestFocusTraversal(event.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
            }
        });
        return area;
    }
}
