package app.parley.desktop.app;

import app.parley.desktop.host.Hosting;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.session.SignedIn;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Asks before closing the window would stop a hosted server that other people are using: they
 * would be cut off until the host opens Parley again.
 */
final class CloseGuard {
    private final Hosting hosting;
    private final Messages text;

    CloseGuard(Hosting hosting, Messages text) {
        this.hosting = hosting;
        this.text = text;
    }

    boolean mayClose(Stage owner, Optional<SignedIn> signedIn) {
        long me = signedIn.map(session -> session.me().id()).orElse(-1L);
        Set<Long> others = hosting.current()
                .map(server -> server.connectedUsersOtherThan(me))
                .orElse(Set.of());
        if (others.isEmpty()) {
            return true;
        }
        var close = new ButtonType(text.get("close.confirm"), ButtonBar.ButtonData.OK_DONE);
        var keep = new ButtonType(text.get("close.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, text.get("close.detail", others.size()), close, keep);
        alert.initOwner(owner);
        alert.setTitle(text.get("app.title"));
        alert.setHeaderText(text.get("close.header"));
        return alert.showAndWait().filter(close::equals).isPresent();
    }
}
