package app.parley.desktop.host;

import app.parley.desktop.app.CopyRow;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.tls.Fingerprint;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "This server", for the person whose app hosts it: the address others join at and the
 * certificate fingerprint their app asks them to compare, both to copy, and where its data lives.
 */
public final class HostedServerDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    public HostedServerDialog(HostedAccess access, Messages text, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(text.get("hosted.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var address = new TextField(access.joinAddress());
        address.setId("hostedJoinAddress");
        address.setEditable(false);
        address.setAccessibleText(text.get("hosted.address"));
        var fingerprint = Fingerprint.box("hostedCertificateFingerprint", access.fingerprint());
        fingerprint.setAccessibleText(text.get("hosted.fingerprint"));

        var fingerprintRow = CopyRow.of(fingerprint, access::fingerprint, "copyFingerprint", text.get("hosted.copy"));
        fingerprintRow.setAlignment(Pos.TOP_LEFT); // beside the first of its two lines
        var data = new Label(text.get("hosted.data", access.dataDir().toString()));
        data.setId("hostedDataFolder");
        data.setWrapText(true);
        data.setMinHeight(Region.USE_PREF_SIZE);
        data.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        // The app has no screen for the AI agent or the limits: say where they are set.
        var settings = new Label(text.get(
                "hosted.settings", HostedServer.settingsFile(access.dataDir()).toString()));
        settings.setId("hostedSettingsFile");
        settings.setWrapText(true);
        settings.setMinHeight(Region.USE_PREF_SIZE);
        settings.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        var content = new VBox(
                8,
                paragraph(text.get("hosted.intro")),
                caption(text.get("hosted.address")),
                CopyRow.of(address, address::getText, "copyJoinAddress", text.get("hosted.copy")),
                caption(text.get("hosted.fingerprint")),
                fingerprintRow,
                paragraph(text.get("hosted.advice")),
                data,
                settings);
        content.setId("hostedServerDialog");
        content.setPadding(new Insets(14, 14, 0, 14));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(520);
    }

    public void show() {
        dialog.show();
    }

    private static Label paragraph(String words) {
        var label = new Label(words);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label caption(String words) {
        var label = new Label(words);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }
}
