package app.parley.desktop.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS port of the hosted server, kept the same from run to run (in the server's data
 * folder), since the people who joined and trusted its certificate know it by that port: 8443 the
 * first time, any free port when another program holds the one wanted.
 */
final class HttpsPorts {
    static final int FIRST_CHOICE = 8443;
    private static final Logger LOG = LoggerFactory.getLogger(HttpsPorts.class);

    private final Path remembered;

    HttpsPorts(Path dataDir) {
        this.remembered = dataDir.resolve("https-port");
    }

    /**
     * The port to serve HTTPS on now: the one used last time (or {@link #FIRST_CHOICE}) when it is
     * free, else a free one. {@code anyFree} takes a free one at once (a server on a random port).
     */
    int choose(boolean anyFree) {
        int wanted = anyFree ? 0 : last();
        if (wanted != 0 && free(wanted)) {
            return wanted;
        }
        if (wanted != 0) {
            LOG.info("Port {} is taken; serving HTTPS on a free port instead", wanted);
        }
        return freePort();
    }

    void remember(int port) {
        try {
            Files.createDirectories(remembered.getParent());
            Files.writeString(remembered, Integer.toString(port), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warn("Could not remember the HTTPS port {} in {}", port, remembered, e);
        }
    }

    private int last() {
        try {
            int port = Integer.parseInt(
                    Files.readString(remembered, StandardCharsets.US_ASCII).strip());
            return port > 0 && port < 65_536 ? port : FIRST_CHOICE;
        } catch (IOException | NumberFormatException e) {
            return FIRST_CHOICE;
        }
    }

    private static boolean free(int port) {
        // No SO_REUSEADDR: on Windows it would let this bind beside a program that listens there.
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for HTTPS", e);
        }
    }
}
