package app.parley.desktop.attachments;

import app.parley.desktop.app.Background;
import app.parley.desktop.net.ApiClient;
import app.parley.model.file.Attachment;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One file chosen for a message, on its way to the server. It is uploaded at most once: a resend
 * of a failed message reuses the attachment of an upload that went through. Its progress and
 * state change on the FX thread, for the view to bind to.
 */
public final class Upload {
    public enum State {
        WAITING,
        UPLOADING,
        DONE,
        FAILED,
        CANCELLED
    }

    private final Path file;
    private final String name;
    private final long size;
    private final Background background;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private volatile Attachment attachment;
    private volatile CompletableFuture<Attachment> running;
    private volatile boolean cancelled;

    public Upload(Path file, String name, long size, Background background) {
        this.file = file;
        this.name = name;
        this.size = size;
        this.background = background;
    }

    public Path file() {
        return file;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** From 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Stops the upload (or keeps it from starting); the message goes without this file. */
    public void cancel() {
        cancelled = true;
        state.set(State.CANCELLED);
        CompletableFuture<Attachment> now = running;
        if (now != null) {
            now.cancel(true);
        }
    }

    /**
     * The uploaded file: uploads it first unless that was done already. Blocks, so it runs on a
     * worker. A cancelled upload throws {@link CancellationException}; a refused or broken one
     * throws what the client threw.
     */
    Attachment uploadInto(ApiClient api, long chatId) {
        Attachment done = attachment;
        if (done != null) {
            return done;
        }
        if (cancelled) {
            throw new CancellationException(name + " was cancelled");
        }
        background.onUi(() -> {
            if (!cancelled) {
                state.set(State.UPLOADING);
            }
        });
        CompletableFuture<Attachment> upload = api.upload(chatId, file, sent -> {
            double share = size == 0 ? 1 : Math.min(1, (double) sent / size);
            background.onUi(() -> progress.set(share));
        });
        running = upload;
        if (cancelled) {
            upload.cancel(true);
        }
        try {
            Attachment uploaded = upload.join();
            attachment = uploaded;
            background.onUi(() -> {
                progress.set(1);
                state.set(State.DONE);
            });
            return uploaded;
        } catch (CompletionException e) {
            background.onUi(() -> {
                if (!cancelled) {
                    state.set(State.FAILED);
                }
            });
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            running = null;
        }
    }
}
