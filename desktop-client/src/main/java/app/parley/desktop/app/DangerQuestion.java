package app.parley.desktop.app;

import app.parley.desktop.i18n.Messages;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The question asked before something that cannot be undone (deleting a message or a group,
 * revoking a link, leaving): the answer that does it in the danger colour, Cancel beside it.
 */
public final class DangerQuestion {
    private DangerQuestion() {}

    /**
     * Asks and waits; true when the person chose {@code yes}.
     *
     * @param id the dialog pane's id, for tests and accessibility tools; null for none
     */
    public static boolean ask(Window owner, Messages text, String id, String title, String question, String yes) {
        var confirm = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        var cancel = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, question, confirm, cancel);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        if (id != null) {
            alert.getDialogPane().setId(id);
        }
        alert.getDialogPane().lookupButton(confirm).getStyleClass().add(Styles.DANGER);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }
}
