package app.parley.desktop.attachments;

import app.parley.desktop.i18n.Messages;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.net.URLConnection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The composer's files: the attach button, the chosen files as chips above the text (name, size,
 * remove) with the notice about a refused one, and the ways files get in besides the button:
 * dropped on the conversation, or pasted (files, or an image) into the text.
 */
public final class PendingAttachments {
    private static final String STYLESHEET = "attachments.css";
    private static final double CHIP_NAME_WIDTH = 200;

    private final ComposerFiles files;
    private final Attachments attachments;
    private final Messages text;
    private final ClipboardImages pasted;
    private final VBox root = new VBox(6);
    private final FlowPane chips = new FlowPane(6, 6);

    public PendingAttachments(ComposerFiles files, Attachments attachments) {
        this.files = Objects.requireNonNull(files);
        this.attachments = Objects.requireNonNull(attachments);
        this.text = attachments.text();
        this.pasted = new ClipboardImages(attachments.pastedFolder());
        build();
    }

    /** The notice and the chips, for above the composer; takes no room while empty. */
    public Node root() {
        return root;
    }

    /** The paperclip: chooses files with the system's dialog. */
    public Button attachButton() {
        var attach = new Button(null, new FontIcon(Feather.PAPERCLIP));
        attach.setId("attachButton");
        attach.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        attach.setAccessibleText(text.get("attachments.attach"));
        attach.setTooltip(new Tooltip(text.get("attachments.attach")));
        attach.setOnAction(event -> {
            var chooser = new FileChooser();
            chooser.setTitle(text.get("attachments.choose"));
            List<File> chosen = chooser.showOpenMultipleDialog(attach.getScene().getWindow());
            if (chosen != null) {
                files.add(chosen.stream().map(File::toPath).toList());
            }
        });
        return attach;
    }

    /** Files dragged from the desktop onto {@code target} are chosen; it is outlined while they hover. */
    public void acceptDrops(Parent target) {
        target.getStylesheets().add(stylesheet());
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                if (!target.getStyleClass().contains("file-drop-target")) {
                    target.getStyleClass().add("file-drop-target");
                }
                event.consume();
            }
        });
        target.addEventHandler(
                DragEvent.DRAG_EXITED, event -> target.getStyleClass().remove("file-drop-target"));
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            target.getStyleClass().remove("file-drop-target");
            if (event.getDragboard().hasFiles()) {
                files.add(event.getDragboard().getFiles().stream()
                        .map(File::toPath)
                        .toList());
                event.setDropCompleted(true);
                event.consume();
            }
        });
    }

    /**
     * Ctrl+V (Cmd+V) in the composer with files or an image on the clipboard chooses them;
     * with text it pastes the text, as always.
     */
    public void acceptPaste(TextInputControl composer) {
        composer.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean paste = (event.getCode() == KeyCode.V && event.isShortcutDown())
                    || (event.getCode() == KeyCode.INSERT && event.isShiftDown());
            if (paste && pasteFiles(Clipboard.getSystemClipboard())) {
                event.consume();
            }
        });
    }

    /** Whether the clipboard held files or an image, which are now being chosen. */
    boolean pasteFiles(Clipboard clipboard) {
        if (clipboard.hasFiles()) {
            files.add(clipboard.getFiles().stream().map(File::toPath).toList());
            return true;
        }
        if (clipboard.hasImage() && clipboard.getImage() != null) {
            var pixels = ClipboardImages.read(clipboard.getImage());
            String name = text.get("attachments.pastedName");
            attachments
                    .background()
                    .run(
                            () -> pasted.write(pixels, name, LocalDateTime.now()),
                            file -> files.add(List.of(file)),
                            failure -> files.tell(text.get("attachments.pasteFailed")));
            return true;
        }
        return false;
    }

    private void build() {
        var notice = new Label();
        notice.setId("attachmentNotice");
        notice.getStyleClass().add("attachment-notice");
        files.noticeIsNewsProperty().subscribe(news -> {
            notice.getStyleClass().removeAll(Styles.WARNING, Styles.SUCCESS);
            notice.getStyleClass().add(news ? Styles.SUCCESS : Styles.WARNING);
        });
        notice.setWrapText(true);
        notice.textProperty().bind(files.noticeProperty());
        notice.visibleProperty().bind(files.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        chips.setId("pendingAttachments");
        files.chosen().addListener((ListChangeListener<Upload>) change -> showChips());
        chips.visibleProperty().bind(Bindings.isNotEmpty(files.chosen()));
        chips.managedProperty().bind(chips.visibleProperty());

        root.getChildren().setAll(notice, chips);
        root.visibleProperty().bind(notice.visibleProperty().or(chips.visibleProperty()));
        root.managedProperty().bind(root.visibleProperty());
        root.getStylesheets().add(stylesheet());
    }

    static String stylesheet() {
        return Objects.requireNonNull(PendingAttachments.class.getResource(STYLESHEET), STYLESHEET)
                .toExternalForm();
    }

    private void showChips() {
        chips.getChildren().setAll(files.chosen().stream().map(this::chip).toList());
    }

    private Node chip(Upload upload) {
        var icon = new FontIcon(FileKinds.iconOf(guessType(upload.name())));
        icon.getStyleClass().add("attachment-chip-icon");
        var name = new Label(upload.name());
        name.getStyleClass().add("attachment-chip-name");
        name.setMaxWidth(CHIP_NAME_WIDTH);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        var size = new Label(attachments.sizes().of(upload.size()));
        size.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "attachment-chip-remove");
        String removeText = text.get("attachments.remove", upload.name());
        remove.setAccessibleText(removeText);
        remove.setTooltip(new Tooltip(removeText));
        remove.setOnAction(event -> files.remove(upload));
        var chip = new HBox(6, icon, name, size, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("attachment-chip");
        return chip;
    }

    /** The chip's icon before the server has looked at the bytes: from the name. */
    static String guessType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? "" : guessed;
    }
}
