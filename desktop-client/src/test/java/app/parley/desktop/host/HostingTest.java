package app.parley.desktop.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server started ahead of need: taken over by the start that follows, never started twice. */
class HostingTest {
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        starter.shutdownNow();
    }

    @Test
    void aStartAfterAnEarlyOneGetsTheServerTheEarlyOneStarted() {
        try (Hosting hosting = new Hosting(data, starter)) {
            hosting.startSoon(0);

            HostedServer started = hosting.start(0);

            assertTrue(started.isRunning());
            assertSame(started, hosting.current().orElseThrow());
            assertSame(started, hosting.start(0), "a running server is returned as it is");
        }
    }

    @Test
    void closingWhileTheEarlyStartRunsStopsTheServerItStarts() throws Exception {
        Hosting hosting = new Hosting(data, starter);
        hosting.startSoon(0);

        hosting.close();

        assertTrue(hosting.current().isEmpty());
        // The data folder is free again: another server may take it.
        try (Hosting next = new Hosting(data, starter)) {
            HostedServer again = next.start(0);
            assertTrue(again.isRunning());
        }
    }

    @Test
    void anEarlyStartThatFailsFailsTheStartThatTakesItOver(@TempDir Path other) {
        try (Hosting holder = new Hosting(data, starter)) {
            int port = holder.start(0).port();
            Hosting second = new Hosting(data, starter);
            second.startSoon(0);

            assertThrows(HostingRefusedException.class, () -> second.start(0));
            assertFalse(second.current().isPresent());
            assertTrue(answers(port), "the server holding the folder runs on");
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
