package app.parley.desktop.attachments;

import app.parley.desktop.i18n.Messages;
import app.parley.model.file.Attachment;
import java.io.File;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Save as…" for a stored file: the system's save dialog, named after the file, then the
 * download to the place chosen. A thumbnail's menu, a file row and the image viewer all save this way.
 */
final class SaveAsChooser {
    private final Attachments attachments;
    private final Messages text;

    SaveAsChooser(Attachments attachments) {
        this.attachments = attachments;
        this.text = attachments.text();
    }

    /** {@code saved} hears which file was written, {@code problem} why nothing was. */
    void save(Window owner, Attachment attachment, Consumer<String> saved, Consumer<String> problem) {
        var chooser = new FileChooser();
        chooser.setTitle(text.get("attachments.saveAs.title"));
        chooser.setInitialFileName(SafeNames.of(attachment.name(), attachment.id()));
        chooser.setInitialDirectory(attachments.saveFolder().toFile());
        File target = chooser.showSaveDialog(owner);
        if (target != null) {
            if (target.getParentFile() != null) {
                attachments.savedInto(target.getParentFile().toPath());
            }
            attachments.saveAs(
                    attachment,
                    target.toPath(),
                    () -> saved.accept(text.get("attachments.saved", target.getName())),
                    problem);
        }
    }
}
