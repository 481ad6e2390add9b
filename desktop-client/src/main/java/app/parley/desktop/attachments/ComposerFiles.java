package app.parley.desktop.attachments;

import app.parley.desktop.i18n.ProblemText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The files chosen for the next message (attach button, drop, paste) and what the composer says
 * about them: a file over the server's limit or one too many is refused here, before any upload,
 * with a notice that names it. Used on the FX thread.
 */
public final class ComposerFiles {
    /** The server's rule: a message carries at most this many files. */
    public static final int MAX_PER_MESSAGE = 10;

    private final Attachments attachments;
    private final ProblemText problems;
    private final ObservableList<Upload> chosen = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper noticeIsNews = new ReadOnlyBooleanWrapper(this, "noticeIsNews", false);
    private static final Duration NEWS_SHOWN_FOR = Duration.seconds(6);

    public ComposerFiles(Attachments attachments, ProblemText problems) {
        this.attachments = attachments;
        this.problems = problems;
    }

    public ObservableList<Upload> chosen() {
        return chosen;
    }

    /** A sentence about the last files chosen (or a failed save), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void tell(String sentence) {
        noticeIsNews.set(false);
        notice.set(sentence);
    }

    /**
     * Says that something went well (a file saved): shown as news, not as a warning, and gone by
     * itself after a few seconds unless something else was said meanwhile.
     */
    public void tellBriefly(String sentence) {
        noticeIsNews.set(true);
        notice.set(sentence);
        var later = new PauseTransition(NEWS_SHOWN_FOR);
        later.setOnFinished(event -> {
            if (sentence.equals(notice.get())) {
                notice.set("");
            }
        });
        later.play();
    }

    /** True while the notice is good news rather than a problem. */
    public ReadOnlyBooleanProperty noticeIsNewsProperty() {
        return noticeIsNews.getReadOnlyProperty();
    }

    /** Adds files once the server's limit is known; each one too big, unreadable or too many is named in the notice. */
    public void add(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        attachments
                .limit()
                .whenKnown(limit -> addWithin(files, limit), failure -> notice.set(problems.describe(failure)));
    }

    public void remove(Upload upload) {
        chosen.remove(upload);
        notice.set("");
    }

    /** The chosen files, for the message being sent; the composer starts empty again. */
    public List<Upload> take() {
        List<Upload> taken = List.copyOf(chosen);
        chosen.clear();
        notice.set("");
        return taken;
    }

    private void addWithin(List<Path> files, long limit) {
        var text = attachments.text();
        var sizes = attachments.sizes();
        var said = new LinkedHashSet<String>();
        for (Path file : files) {
            String name = file.getFileName() == null
                    ? file.toString()
                    : file.getFileName().toString();
            long size;
            try {
                if (!Files.isRegularFile(file)) {
                    said.add(text.get("attachments.notAFile", name));
                    continue;
                }
                size = Files.size(file);
            } catch (IOException e) {
                said.add(text.get("attachments.unreadable", name));
                continue;
            }
            if (size > limit) {
                said.add(text.get("attachments.tooBig", name, sizes.atLeast(size), sizes.of(limit)));
            } else if (chosen.size() >= MAX_PER_MESSAGE) {
                said.add(text.get("attachments.tooMany", MAX_PER_MESSAGE));
            } else if (chosen.stream().noneMatch(upload -> upload.file().equals(file))) {
                chosen.add(new Upload(file, name, size, attachments.background()));
            }
        }
        notice.set(String.join(" ", said));
    }
}
