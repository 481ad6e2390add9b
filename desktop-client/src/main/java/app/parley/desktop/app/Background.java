package app.parley.desktop.app;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs blocking work (network calls, starting a server) off the FX thread and hands the result
 * back on it. View-models take one of these, so tests can run both sides on threads of their own.
 */
public final class Background {
    private final Executor workers;
    private final Executor uiThread;

    public Background(Executor workers, Executor uiThread) {
        this.workers = Objects.requireNonNull(workers);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** Runs {@code work} on a worker; then {@code onDone} or {@code onFailed} on the UI thread. */
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        CompletableFuture<T> result;
        try {
            result = start(work);
        } catch (RejectedExecutionException e) {
            // The app is stopping and its workers are shut down; a UI callback still queued (a
            // socket's "connected", a list cell laid out) has nothing left to do.
            return CompletableFuture.failedFuture(e);
        }
        result.whenCompleteAsync(
                (value, failure) -> {
                    if (failure == null) {
                        onDone.accept(value);
                    } else {
                        onFailed.accept(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    }
                },
                uiThread);
        return result;
    }

    private <T> CompletableFuture<T> start(Callable<T> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                },
                workers);
    }

    /** Runs {@code action} on the UI thread. */
    public void onUi(Runnable action) {
        uiThread.execute(action);
    }
}
