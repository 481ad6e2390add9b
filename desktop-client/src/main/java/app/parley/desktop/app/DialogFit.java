package app.parley.desktop.app;

import javafx.application.Platform;
import javafx.scene.control.Dialog;

/**
 * Grows a dialog's window to its content. A dialog is sized once, when shown; content that
 * arrives from the server later (a preview, a profile, a long group name) would otherwise be
 * cut off at the bottom.
 */
public final class DialogFit {
    private DialogFit() {}

    /** After the next layout pass, sizes the dialog's window to its content (if it is showing). */
    public static void later(Dialog<?> dialog) {
        Platform.runLater(() -> {
            var scene = dialog.getDialogPane().getScene();
            if (scene != null && scene.getWindow() != null) {
                scene.getWindow().sizeToScene();
            }
        });
    }
}
