package app.parley.desktop.host;

import app.parley.server.config.DataDirectoryInUseException;
import io.micronaut.http.server.exceptions.ServerStartupException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the server this app hosts, if it hosts one: started on request, stopped when the app
 * closes. The preferred port is the one others already know (8080 the first time); when another
 * program holds it, any free port is taken and the caller remembers which.
 */
public final class Hosting implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hosting.class);

    private final Path dataDir;
    private final HttpsPorts httpsPorts;
    private final Executor starter;
    private volatile HostedServer server;
    /** A start begun ahead of need ({@link #startSoon}), until {@link #start} takes it up. */
    private CompletableFuture<HostedServer> early;

    private int earlyPort;
    private boolean hosted;

    /**
     * @param starter runs a start begun ahead of need ({@link #startSoon}); a start asked for
     *     through {@link #start} runs on the caller's thread
     */
    public Hosting(Path dataDir, Executor starter) {
        this.dataDir = dataDir;
        this.httpsPorts = new HttpsPorts(dataDir);
        this.starter = starter;
    }

    /**
     * Begins starting the server now, without waiting for it: the embedded server takes seconds
     * to start, and a remembered hosted session needs it only once the window is up, so the two
     * go on side by side. The {@link #start} that follows takes over this start, its failure
     * included. Nothing happens when a server runs or is starting already.
     */
    public synchronized void startSoon(int preferredPort) {
        if (early != null || (server != null && server.isRunning())) {
            return;
        }
        earlyPort = preferredPort;
        early = CompletableFuture.supplyAsync(() -> startNow(preferredPort), starter);
    }

    /** Starts the server (once); a running one is returned as it is. */
    public HostedServer start(int preferredPort) {
        CompletableFuture<HostedServer> begun;
        int begunPort;
        synchronized (this) {
            begun = early;
            begunPort = earlyPort;
            early = null;
        }
        if (begun != null) {
            try {
                return begun.join();
            } catch (CompletionException failed) {
                // The start asked for now is the one that failed ahead of time: the same failure.
                if (begunPort == preferredPort && failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
            }
        }
        return startNow(preferredPort);
    }

    private synchronized HostedServer startNow(int preferredPort) {
        if (server != null && server.isRunning()) {
            return server;
        }
        try {
            server = HostedServer.start(dataDir, preferredPort, httpsPorts.choose(preferredPort == 0));
        } catch (ServerStartupException portTaken) {
            if (preferredPort == 0) {
                throw portTaken;
            }
            // The HTTPS port was free a moment ago and is the one people trusted: only the plain
            // port (which only this app uses) moves.
            LOG.info("Port {} is taken; hosting on a free port instead", preferredPort);
            server = HostedServer.start(dataDir, 0, httpsPorts.choose(false));
        } catch (DataDirectoryInUseException inUse) {
            throw new HostingRefusedException(inUse.getMessage(), inUse);
        }
        if (preferredPort != 0) {
            httpsPorts.remember(server.httpsPort());
        }
        LOG.info(
                "Hosting a Parley server on port {} (HTTPS {}) with its data in {}",
                server.port(),
                server.httpsPort(),
                server.dataDir());
        hosted = true;
        return server;
    }

    /** Whether a server ran in this app's run, even if it has stopped since. */
    public synchronized boolean hasHosted() {
        return hosted;
    }

    /**
     * Where others join the running server, and its certificate's fingerprint; without the lock,
     * since screens ask for it on the UI thread.
     */
    public Optional<HostedAccess> access() {
        return Optional.ofNullable(server).filter(HostedServer::isRunning).map(HostedServer::access);
    }

    public synchronized Optional<HostedServer> current() {
        return Optional.ofNullable(server).filter(HostedServer::isRunning);
    }

    /** Stops the server; one still starting ahead of need is stopped once it has started. */
    @Override
    public void close() {
        CompletableFuture<HostedServer> begun;
        synchronized (this) {
            begun = early;
            early = null;
        }
        if (begun != null) {
            begun.exceptionally(failure -> null).join();
        }
        synchronized (this) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
