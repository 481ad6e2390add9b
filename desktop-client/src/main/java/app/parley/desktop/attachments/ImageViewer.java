package app.parley.desktop.attachments;

import app.parley.model.file.Attachment;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window with the whole image of an attachment, scaled down to fit (never up); Esc closes it.
 * The image is fetched with the session's token while a spinner shows.
 */
final class ImageViewer {
    private final Attachments attachments;

    ImageViewer(Attachments attachments) {
        this.attachments = attachments;
    }

    Stage show(Window owner, Attachment attachment) {
        var view = new ImageView();
        view.setId("fullImage");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setAccessibleText(attachment.name());
        var spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        var pane = new StackPane(spinner);
        pane.setId("imageViewer");
        pane.getStyleClass().add("image-viewer");

        double width = attachment.width() == null ? 800 : attachment.width();
        double height = attachment.height() == null ? 600 : attachment.height();
        double fit = Math.min(1, Math.min(owner.getWidth() * 0.9 / width, owner.getHeight() * 0.9 / height));
        var scene = new Scene(pane, Math.max(240, width * fit), Math.max(180, height * fit));
        scene.getStylesheets().add(PendingAttachments.stylesheet());
        var stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(attachment.name());
        stage.setScene(scene);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        attachments.fullImage(
                attachment,
                image -> {
                    fitInto(view, image, scene);
                    view.setImage(image);
                    pane.getChildren().setAll(view);
                },
                problem -> {
                    var said = new Label(problem);
                    said.setWrapText(true);
                    said.getStyleClass().add(Styles.DANGER);
                    pane.getChildren().setAll(said);
                });
        stage.show();
        return stage;
    }

    /** Fits the image to the window as it is resized, never larger than it is. */
    private static void fitInto(ImageView view, Image image, Scene scene) {
        view.fitWidthProperty().bind(Bindings.min(scene.widthProperty(), image.getWidth()));
        view.fitHeightProperty().bind(Bindings.min(scene.heightProperty(), image.getHeight()));
    }
}
