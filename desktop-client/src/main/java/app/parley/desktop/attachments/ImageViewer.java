package app.parley.desktop.attachments;

import app.parley.desktop.i18n.Messages;
import app.parley.model.file.Attachment;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A window with the whole image of an attachment, scaled down to fit (never up), and a bar
 * below it with the file's name, size and what can be done with it: save it (Ctrl+S), open it
 * in the system's viewer, close (Esc). The image is fetched with the session's token while a
 * spinner shows.
 */
final class ImageViewer {
    /** Room the bar under the image takes, so the window fits the image and the bar. */
    private static final double BAR_HEIGHT = 52;

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final Attachments attachments;
    private final SaveAsChooser saveAs;
    private final Messages text;

    ImageViewer(Attachments attachments, SaveAsChooser saveAs) {
        this.attachments = attachments;
        this.saveAs = saveAs;
        this.text = attachments.text();
    }

    Stage show(Window owner, Attachment attachment) {
        var view = new ImageView();
        view.setId("fullImage");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setAccessibleText(attachment.name());
        var spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        var picture = new StackPane(spinner);
        picture.setId("imageViewer");
        picture.getStyleClass().add("image-viewer");
        picture.setMinSize(0, 0);

        var stage = new Stage();
        var status = new Label();
        status.setId("imageViewerStatus");
        status.getStyleClass().add(Styles.TEXT_SMALL);
        status.setMinWidth(Region.USE_PREF_SIZE);
        var pane = new BorderPane(picture);
        pane.setBottom(bar(stage, attachment, status));

        double width = attachment.width() == null ? 800 : attachment.width();
        double height = attachment.height() == null ? 600 : attachment.height();
        double fit =
                Math.min(1, Math.min(owner.getWidth() * 0.9 / width, (owner.getHeight() * 0.9 - BAR_HEIGHT) / height));
        var scene = new Scene(pane, Math.max(420, width * fit), Math.max(180, height * fit) + BAR_HEIGHT);
        scene.getStylesheets().add(PendingAttachments.stylesheet());
        stage.initOwner(owner);
        stage.setTitle(attachment.name());
        stage.setScene(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
                event.consume();
            } else if (SAVE.match(event)) {
                save(stage, attachment, status);
                event.consume();
            }
        });
        attachments.fullImage(
                attachment,
                image -> {
                    fitInto(view, image, picture);
                    view.setImage(image);
                    picture.getChildren().setAll(view);
                },
                problem -> {
                    var said = new Label(problem);
                    said.setWrapText(true);
                    said.getStyleClass().add(Styles.DANGER);
                    picture.getChildren().setAll(said);
                });
        stage.show();
        return stage;
    }

    private HBox bar(Stage stage, Attachment attachment, Label status) {
        var name = new Label(attachment.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(60);
        Tooltip.install(name, new Tooltip(attachment.name()));
        var details = new Label(details(attachment));
        details.setId("imageViewerDetails");
        details.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var about = new VBox(1, name, details, status);
        about.setMinWidth(0);
        about.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(about, Priority.ALWAYS);

        var save = button(Feather.DOWNLOAD, text.get("attachments.saveAs"), text.get("attachments.viewer.save.tip"));
        save.setId("imageViewerSave");
        save.setOnAction(event -> save(stage, attachment, status));
        var open = button(Feather.EXTERNAL_LINK, text.get("attachments.open"), text.get("attachments.viewer.open.tip"));
        open.setId("imageViewerOpen");
        open.setOnAction(event -> attachments.open(attachment, problem -> say(status, problem, false)));
        var close = new Button(null, new FontIcon(Feather.X));
        close.setId("imageViewerClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(text.get("attachments.viewer.close"));
        close.setTooltip(new Tooltip(text.get("attachments.viewer.close.tip")));
        close.setOnAction(event -> stage.close());

        var bar = new HBox(8, about, save, open, close);
        bar.getStyleClass().add("image-viewer-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinHeight(BAR_HEIGHT);
        return bar;
    }

    private static Button button(Feather icon, String label, String tip) {
        var button = new Button(label, new FontIcon(icon));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private String details(Attachment attachment) {
        String size = attachments.sizes().of(attachment.size());
        if (attachment.width() == null || attachment.height() == null) {
            return size;
        }
        return text.get("attachments.viewer.details", attachment.width(), attachment.height(), size);
    }

    private void save(Stage stage, Attachment attachment, Label status) {
        saveAs.save(stage, attachment, saved -> say(status, saved, true), problem -> say(status, problem, false));
    }

    /** Says what became of a save or an open under the name; good news goes after a while. */
    private static void say(Label status, String what, boolean good) {
        status.setText(what);
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        status.getStyleClass().add(good ? Styles.SUCCESS : Styles.DANGER);
        if (good) {
            var later = new PauseTransition(Duration.seconds(6));
            later.setOnFinished(event -> {
                if (what.equals(status.getText())) {
                    status.setText("");
                }
            });
            later.play();
        }
    }

    /** Fits the image to the space above the bar as the window is resized, never larger than it is. */
    private static void fitInto(ImageView view, Image image, Region space) {
        view.fitWidthProperty().bind(Bindings.min(space.widthProperty(), image.getWidth()));
        view.fitHeightProperty().bind(Bindings.min(space.heightProperty(), image.getHeight()));
    }
}
