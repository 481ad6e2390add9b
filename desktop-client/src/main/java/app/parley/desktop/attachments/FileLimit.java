package app.parley.desktop.attachments;

import app.parley.desktop.app.Background;
import app.parley.desktop.net.ApiClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The largest file the server takes ({@code max_file_bytes} of {@code /storage/}), asked once per
 * session so that a file too big is refused before its upload starts. A failed ask is asked
 * again next time. Used on the FX thread.
 */
public final class FileLimit {
    private final ApiClient api;
    private final Background background;
    private CompletableFuture<Long> asked;

    public FileLimit(ApiClient api, Background background) {
        this.api = api;
        this.background = background;
    }

    /** Starts asking now, so that the answer is there when the first file is chosen. */
    public void prefetch() {
        ask();
    }

    /** Calls {@code then} (on the FX thread) with the limit in bytes, or {@code failed}. */
    public void whenKnown(Consumer<Long> then, Consumer<Throwable> failed) {
        ask().whenComplete((limit, failure) -> background.onUi(() -> {
            if (failure == null) {
                then.accept(limit);
            } else {
                failed.accept(
                        failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure);
            }
        }));
    }

    private CompletableFuture<Long> ask() {
        if (asked == null || asked.isCompletedExceptionally()) {
            asked = background.run(() -> api.storage().maxFileBytes(), limit -> {}, failure -> {});
        }
        return asked;
    }
}
