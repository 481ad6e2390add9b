package app.parley.desktop.conversation;

import app.parley.desktop.app.DialogFit;
import app.parley.desktop.i18n.Messages;
import app.parley.model.message.MessageVersions;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An edited message's texts, newest first: what it says now, then each earlier text with when
 * it was written, down to the one it was sent with. Each text's menu copies it.
 */
final class MessageVersionsDialog {
    private static final double WIDTH = 420;

    private final Dialog<Void> dialog = new Dialog<>();
    private final Messages text;
    private final ZoneId zone;
    private final VBox list = new VBox(10);

    MessageVersionsDialog(MessageVersionsViewModel viewModel, Messages text, ZoneId zone, Window owner) {
        this.text = text;
        this.zone = zone;
        dialog.initOwner(owner);
        dialog.setTitle(text.get("versions.title"));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        list.setId("messageVersions");
        var loading = new Label(text.get("versions.loading"));
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        list.getChildren().setAll(loading);
        var problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        var scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(420);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        var content = new VBox(8, problem, scroll);
        content.setPadding(new Insets(12, 14, 4, 14));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(WIDTH);
        viewModel.versionsProperty().subscribe(versions -> {
            if (versions != null) {
                show(versions);
                DialogFit.later(dialog);
            }
        });
        viewModel.load();
    }

    void show() {
        dialog.show();
    }

    private void show(MessageVersions versions) {
        List<MessageVersions.Version> texts = versions.versions();
        List<Node> shown = new ArrayList<>();
        for (int i = texts.size() - 1; i >= 0; i--) {
            if (!shown.isEmpty()) {
                shown.add(new Separator());
            }
            String when = texts.get(i)
                    .time()
                    .atZone(zone)
                    .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(text.locale()));
            String label = i == texts.size() - 1 ? text.get("versions.now") : i == 0 ? text.get("versions.sent") : "";
            var heading = new Label(label.isEmpty() ? when : label + " · " + when);
            heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            String written = texts.get(i).text();
            var said = new Label(written);
            said.getStyleClass().add("version-text");
            said.setWrapText(true);
            said.setMinHeight(Region.USE_PREF_SIZE);
            var copy = new MenuItem(text.get("conversation.copy"), new FontIcon(Feather.COPY));
            copy.setOnAction(event -> MessageCell.copyToClipboard(written));
            said.setContextMenu(new ContextMenu(copy));
            shown.add(new VBox(2, heading, said));
        }
        list.getChildren().setAll(shown);
    }
}
