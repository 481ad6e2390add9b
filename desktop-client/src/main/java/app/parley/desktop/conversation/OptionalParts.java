package app.parley.desktop.conversation;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The parts of a pane that only some messages have (a day line, a quote, "edited", a retry link),
 * among the pane's children only while shown, in the order they were given. A node merely made
 * invisible stays in the scene and is styled with the rest of its cell each time the cell is
 * placed, and most messages show few of these parts.
 */
final class OptionalParts {
    private final ObservableList<Node> children;
    private final List<Node> order;

    /** {@code pane}'s children as they are now, in their order, every one of them shown. */
    OptionalParts(Pane pane) {
        this.children = pane.getChildren();
        this.order = List.copyOf(children);
    }

    void show(Node part, boolean shown) {
        boolean present = children.contains(part);
        if (shown == present) {
            return;
        }
        if (!shown) {
            children.remove(part);
            return;
        }
        int at = 0;
        for (Node earlier : order) {
            if (earlier == part) {
                children.add(at, part);
                return;
            }
            if (children.contains(earlier)) {
                at++;
            }
        }
        throw new IllegalArgumentException("not one of this pane's parts: " + part);
    }
}
