package app.parley.desktop.attachments;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.file.Attachment;
import java.awt.Desktop;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Files in chats for one signed-in session: the server's size limit, the thumbnails, uploading a
 * message's files, and saving or opening a file someone sent. Network and disk work runs on
 * workers; results and problems (in words) come back on the FX thread.
 */
public final class Attachments {
    private final ApiClient api;
    private final Background background;
    private final ProblemText problems;
    private final Messages text;
    private final Path cache;
    private final FileLimit limit;
    private final ThumbnailCache thumbnails;
    private final FileSizes sizes;

    /** The folder of the last "Save as…", on the FX thread only. */
    private Path saveFolder;

    /** {@code cache} is the app's cache folder: files downloaded to be opened, images pasted to be sent. */
    public Attachments(ApiClient api, Background background, ProblemText problems, Messages text, Path cache) {
        this.api = api;
        this.background = background;
        this.problems = problems;
        this.text = text;
        this.cache = cache;
        this.limit = new FileLimit(api, background);
        this.thumbnails = new ThumbnailCache(api, background);
        this.sizes = new FileSizes(text);
    }

    public FileLimit limit() {
        return limit;
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }

    public FileSizes sizes() {
        return sizes;
    }

    Path pastedFolder() {
        return cache.resolve("pasted");
    }

    Messages text() {
        return text;
    }

    Background background() {
        return background;
    }

    /**
     * Uploads a message's files that are not uploaded yet and answers all their ids; cancelled
     * ones are left out. Blocks: runs on a worker, as part of sending the message.
     */
    public List<Long> upload(long chatId, List<Upload> uploads) {
        List<Long> ids = new ArrayList<>();
        for (Upload upload : uploads) {
            try {
                ids.add(upload.uploadInto(api, chatId).id());
            } catch (CancellationException e) {
                // This file was cancelled; the message goes with the others.
            }
        }
        return ids;
    }

    /**
     * Where "Save as…" opens: the folder of the last file saved in this session, else the
     * person's Downloads folder, else their home (never the folder the app was started from).
     */
    Path saveFolder() {
        if (saveFolder != null && Files.isDirectory(saveFolder)) {
            return saveFolder;
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    void savedInto(Path folder) {
        saveFolder = folder;
    }

    /** Downloads the file to where the person chose; {@code done} or {@code problem} afterwards. */
    public void saveAs(Attachment attachment, Path target, Runnable done, Consumer<String> problem) {
        background.run(
                () -> api.downloadTo(attachment.id(), target),
                saved -> done.run(),
                failure -> problem.accept(describe(failure, attachment)));
    }

    /** Downloads the file into the app's cache and opens it with the program the system chooses for it. */
    public void open(Attachment attachment, Consumer<String> problem) {
        background.run(
                () -> {
                    if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                        throw new CannotOpen();
                    }
                    Path copy = cached(attachment);
                    try {
                        Desktop.getDesktop().open(copy.toFile());
                    } catch (IOException noProgram) {
                        throw new NoProgram(noProgram);
                    }
                    return copy;
                },
                opened -> {},
                failure -> problem.accept(
                        switch (failure) {
                            case CannotOpen cannot -> text.get("attachments.cannotOpen");
                            case NoProgram none -> text.get("attachments.noProgram", attachment.name());
                            default -> describe(failure, attachment);
                        }));
    }

    /** The whole image, for the viewer. */
    void fullImage(Attachment attachment, Consumer<Image> show, Consumer<String> problem) {
        background.run(
                () -> new Image(new ByteArrayInputStream(api.fileBytes(attachment.id()))),
                image -> {
                    if (image.isError()) {
                        problem.accept(text.get("attachments.notAnImage", attachment.name()));
                    } else {
                        show.accept(image);
                    }
                },
                failure -> problem.accept(describe(failure, attachment)));
    }

    /** The file's copy in the cache, downloaded unless a whole copy is there already. */
    private Path cached(Attachment attachment) throws IOException {
        Path copy = cache.resolve("files")
                .resolve(Long.toString(attachment.id()))
                .resolve(SafeNames.of(attachment.name(), attachment.id()));
        if (Files.isRegularFile(copy) && Files.size(copy) == attachment.size()) {
            return copy;
        }
        return api.downloadTo(attachment.id(), copy);
    }

    private String describe(Throwable failure, Attachment attachment) {
        if (failure instanceof UncheckedIOException || failure instanceof IOException) {
            return text.get("attachments.cannotWrite", attachment.name());
        }
        return problems.describe(failure);
    }

    /** The system has no program for the file's type (or the one it has failed to start). */
    private static final class NoProgram extends RuntimeException {
        NoProgram(IOException cause) {
            super("no program opens this file", cause);
        }
    }

    /** Neither the Desktop API nor an OPEN action: a headless or unusual system. */
    private static final class CannotOpen extends RuntimeException {
        CannotOpen() {
            super("this system cannot open files with their programs");
        }
    }
}
