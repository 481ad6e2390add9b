package app.parley.desktop.attachments;

import app.parley.desktop.i18n.Messages;
import app.parley.model.file.Attachment;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The files of one message inside its bubble: images as thumbnails (the full image opens on
 * click), other files as a type icon, name, size, "Save as…" and "Open"; files of a message
 * still being sent with their upload's progress and a cancel button. One per message cell,
 * refilled by {@link #show} whenever the cell shows another message: nothing of the last one stays.
 */
public final class AttachmentView extends VBox {
    /** Thumbnails show at most this big; the space is kept before they arrive, so rows don't jump. */
    static final double THUMBNAIL_MAX = 260;

    private static final double NAME_WIDTH = 220;
    private static final double THUMBNAIL_ARC = 16;

    private final Attachments attachments;
    private final Consumer<String> tell;
    private final Consumer<String> saved;
    private final Messages text;
    private List<Attachment> shownStored = List.of();
    private List<Upload> shownUploads = List.of();

    /**
     * {@code tell} is where a problem with a file (a failed save or open) is said, {@code saved}
     * where a file saved is.
     */
    public AttachmentView(Attachments attachments, Consumer<String> tell, Consumer<String> saved) {
        super(6);
        this.attachments = attachments;
        this.tell = tell;
        this.saved = saved;
        this.text = attachments.text();
        getStyleClass().add("attachments");
        getStylesheets().add(PendingAttachments.stylesheet());
        setVisible(false);
        setManaged(false);
    }

    /** Shows a stored message's files, or the uploads of one being sent; empty lists hide it. */
    public void show(List<Attachment> stored, List<Upload> uploads) {
        // A cell is updated often for the same message (layout, scrolling): keep what it shows.
        if (stored.equals(shownStored) && uploads.equals(shownUploads) && !(stored.isEmpty() && uploads.isEmpty())) {
            return;
        }
        shownStored = List.copyOf(stored);
        shownUploads = List.copyOf(uploads);
        getChildren().clear();
        for (Attachment attachment : stored) {
            getChildren().add(FileKinds.isImage(attachment) ? image(attachment) : file(attachment));
        }
        for (Upload upload : uploads) {
            getChildren().add(upload(upload));
        }
        boolean any = !getChildren().isEmpty();
        setVisible(any);
        setManaged(any);
    }

    private Node image(Attachment attachment) {
        double width = attachment.width() == null ? THUMBNAIL_MAX : attachment.width();
        double height = attachment.height() == null ? THUMBNAIL_MAX * 0.75 : attachment.height();
        double scale = Math.min(1, Math.min(THUMBNAIL_MAX / width, THUMBNAIL_MAX / height));
        double shownWidth = Math.max(24, Math.round(width * scale));
        double shownHeight = Math.max(24, Math.round(height * scale));
        var view = new ImageView();
        view.setFitWidth(shownWidth);
        view.setFitHeight(shownHeight);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        var corners = new Rectangle(shownWidth, shownHeight);
        corners.setArcWidth(THUMBNAIL_ARC);
        corners.setArcHeight(THUMBNAIL_ARC);
        var frame = new StackPane(view);
        frame.setClip(corners);
        frame.getStyleClass().add("attachment-thumbnail");
        frame.setMinSize(shownWidth, shownHeight);
        frame.setPrefSize(shownWidth, shownHeight);
        frame.setMaxSize(shownWidth, shownHeight);
        frame.setCursor(Cursor.HAND);
        frame.setFocusTraversable(true);
        frame.setAccessibleText(text.get("attachments.image.accessible", attachment.name()));
        Tooltip.install(frame, new Tooltip(attachment.name()));
        attachments.thumbnails().load(attachment.id(), view::setImage);
        frame.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                openViewer(frame, attachment);
            }
        });
        // An image is a file too: it can be saved or opened in another program, as any file can.
        var saveImage = new MenuItem(text.get("attachments.saveAs"));
        saveImage.setOnAction(event -> saveAs(frame, attachment));
        var openImage = new MenuItem(text.get("attachments.open"));
        openImage.setOnAction(event -> attachments.open(attachment, tell));
        var menu = new ContextMenu(saveImage, openImage);
        frame.setOnContextMenuRequested(event -> {
            menu.show(frame, event.getScreenX(), event.getScreenY());
            event.consume(); // not the message's own menu as well
        });
        frame.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                openViewer(frame, attachment);
            }
        });
        return frame;
    }

    private void openViewer(Node from, Attachment attachment) {
        new ImageViewer(attachments, new SaveAsChooser(attachments))
                .show(from.getScene().getWindow(), attachment);
    }

    private Node file(Attachment attachment) {
        var save = new Hyperlink(text.get("attachments.saveAs"));
        save.getStyleClass().add(Styles.TEXT_SMALL);
        save.setAccessibleText(text.get("attachments.saveAs.accessible", attachment.name()));
        save.setOnAction(event -> saveAs(save, attachment));
        var open = new Hyperlink(text.get("attachments.open"));
        open.getStyleClass().add(Styles.TEXT_SMALL);
        open.setAccessibleText(text.get("attachments.open.accessible", attachment.name()));
        open.setOnAction(event -> attachments.open(attachment, tell));
        var size = new Label(attachments.sizes().of(attachment.size()));
        size.getStyleClass().addAll("attachment-size", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var actions = new HBox(2, size, save, open);
        actions.setAlignment(Pos.CENTER_LEFT);
        return fileRow(FileKinds.iconOf(attachment.contentType()), attachment.name(), actions);
    }

    private void saveAs(Node from, Attachment attachment) {
        new SaveAsChooser(attachments).save(from.getScene().getWindow(), attachment, saved, tell);
    }

    private Node upload(Upload upload) {
        var bar = new ProgressBar();
        bar.getStyleClass().addAll("attachment-progress", Styles.SMALL);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(upload.progressProperty());
        var size = new Label(attachments.sizes().of(upload.size()));
        size.getStyleClass().addAll("attachment-size", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var state = new Label();
        state.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        state.textProperty().bind(upload.stateProperty().map(this::stateText));
        var below = new HBox(6, size, state);
        var progress = new VBox(3, bar, below);
        var cancel = new Button(null, new FontIcon(Feather.X));
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "attachment-cancel");
        String cancelText = text.get("attachments.cancel", upload.name());
        cancel.setAccessibleText(cancelText);
        cancel.setTooltip(new Tooltip(cancelText));
        cancel.setOnAction(event -> upload.cancel());
        cancel.visibleProperty()
                .bind(upload.stateProperty().map(now -> now != Upload.State.DONE && now != Upload.State.CANCELLED));
        var row = fileRow(FileKinds.iconOf(PendingAttachments.guessType(upload.name())), upload.name(), progress);
        ((HBox) row).getChildren().add(cancel);
        row.getStyleClass().add("attachment-upload");
        row.opacityProperty().bind(upload.stateProperty().map(now -> now == Upload.State.CANCELLED ? 0.5 : 1.0));
        return row;
    }

    private String stateText(Upload.State state) {
        return switch (state) {
            case WAITING -> text.get("attachments.state.waiting");
            case UPLOADING -> text.get("attachments.state.uploading");
            case DONE -> text.get("attachments.state.done");
            case FAILED -> text.get("attachments.state.failed");
            case CANCELLED -> text.get("attachments.state.cancelled");
        };
    }

    private Region fileRow(Feather kind, String fileName, Node under) {
        var icon = new FontIcon(kind);
        icon.getStyleClass().add("attachment-icon");
        var iconBox = new StackPane(icon);
        iconBox.getStyleClass().add("attachment-icon-box");
        iconBox.setMinSize(40, 40);
        iconBox.setMaxSize(40, 40);
        var name = new Label(fileName);
        name.getStyleClass().add("attachment-name");
        name.setMaxWidth(NAME_WIDTH);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        Tooltip.install(name, new Tooltip(fileName));
        var details = new VBox(1, name, under);
        details.setMinWidth(160);
        HBox.setHgrow(details, Priority.ALWAYS);
        var row = new HBox(10, iconBox, details);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("attachment-file");
        row.setAccessibleText(fileName);
        return row;
    }
}
