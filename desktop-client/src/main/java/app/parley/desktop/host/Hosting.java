package app.parley.desktop.host;

import app.parley.server.config.DataDirectoryInUseException;
import io.micronaut.http.server.exceptions.ServerStartupException;
import java.nio.file.Path;
import java.util.Optional;
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
    private HostedServer server;

    public Hosting(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts the server (once); a running one is returned as it is. */
    public synchronized HostedServer start(int preferredPort) {
        if (server != null && server.isRunning()) {
            return server;
        }
        try {
            server = HostedServer.start(dataDir, preferredPort);
        } catch (ServerStartupException portTaken) {
            if (preferredPort == 0) {
                throw portTaken;
            }
            LOG.info("Port {} is taken; hosting on a free port instead", preferredPort);
            server = HostedServer.start(dataDir, 0);
        } catch (DataDirectoryInUseException inUse) {
            throw new HostingRefusedException(inUse.getMessage(), inUse);
        }
        LOG.info("Hosting a Parley server on port {} with its data in {}", server.port(), server.dataDir());
        return server;
    }

    public synchronized Optional<HostedServer> current() {
        return Optional.ofNullable(server).filter(HostedServer::isRunning);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
