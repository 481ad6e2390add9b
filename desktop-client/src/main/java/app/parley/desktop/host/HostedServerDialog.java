package app.parley.desktop.host;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.tls.Fingerprint;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "This server", for the person whose app hosts it: the address others join at and the
 * certificate fingerprint their app asks them to compare, both to copy, and where its data lives.
 */
public final class HostedServerDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final Messages text;

    public HostedServerDialog(HostedAccess access, Messages text, Window owner) {
        this.text = text;
        dialog.initOwner(owner);
        dialog.setTitle(text.get("hosted.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        var address = new TextField(access.joinAddress());
        address.setId("hostedJoinAddress");
        address.setEditable(false);
        address.setAccessibleText(text.get("hosted.address"));
        var fingerprint = new TextArea(Fingerprint.inTwoLines(access.fingerprint()));
        fingerprint.setId("hostedCertificateFingerprint");
        fingerprint.setEditable(false);
        fingerprint.setPrefRowCount(2);
        fingerprint.getStyleClass().add("certificate-fingerprint");
        fingerprint.setAccessibleText(text.get("hosted.fingerprint"));

        var data = new Label(text.get("hosted.data", access.dataDir().toString()));
        data.setId("hostedDataFolder");
        data.setWrapText(true);
        data.setMinHeight(Region.USE_PREF_SIZE);
        data.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        var content = new VBox(
                8,
                paragraph(text.get("hosted.intro")),
                caption(text.get("hosted.address")),
                copyRow(address, access.joinAddress(), "copyJoinAddress"),
                caption(text.get("hosted.fingerprint")),
                copyRow(fingerprint, access.fingerprint(), "copyFingerprint"),
                paragraph(text.get("hosted.advice")),
                data);
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

    /** The field and a button that copies {@code value} (the fingerprint without its line break). */
    private HBox copyRow(TextInputControl field, String value, String buttonId) {
        var copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId(buttonId);
        copy.getStyleClass().add(Styles.BUTTON_ICON);
        copy.setAccessibleText(text.get("hosted.copy"));
        copy.setTooltip(new Tooltip(text.get("hosted.copy")));
        copy.setOnAction(event -> {
            var content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        var row = new HBox(6, field, copy);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }
}
