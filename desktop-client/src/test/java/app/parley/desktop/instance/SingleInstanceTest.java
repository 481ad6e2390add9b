package app.parley.desktop.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two launches in one JVM sharing one data folder, as two launches by one user would. */
class SingleInstanceTest {
    private static final String LINK = "parley://invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    @TempDir
    Path folder;

    private final List<List<String>> received = new CopyOnWriteArrayList<>();

    @Test
    void aSecondLaunchHandsItsLinkToTheRunningOneAndDoesNotRun() {
        try (var _ = SingleInstance.claim(folder, List.of(), received::add).orElseThrow()) {
            Optional<SingleInstance> second =
                    SingleInstance.claim(folder, List.of(LINK), arguments -> received.add(List.of("wrong one")));

            assertTrue(second.isEmpty(), "the second launch must not become an instance");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
            assertEquals(List.of(List.of(LINK)), received);
        }
    }

    @Test
    void afterTheRunningOneClosesTheNextLaunchRunsItself() {
        SingleInstance.claim(folder, List.of(), received::add).orElseThrow().close();

        try (var _ = SingleInstance.claim(folder, List.of(LINK), received::add).orElseThrow()) {
            assertTrue(received.isEmpty(), "nobody was running to receive the link");
        }
    }

    @Test
    void thePortFileIsTheOwnersAlone() throws Exception {
        try (var _ = SingleInstance.claim(folder, List.of(), received::add).orElseThrow()) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("instance.port"))));
        }
    }

    @Test
    void aCallerWithoutTheSecretIsIgnored() throws Exception {
        try (var _ = SingleInstance.claim(folder, List.of(), received::add).orElseThrow()) {
            int port = Integer.parseInt(Files.readAllLines(folder.resolve("instance.port"))
                    .getFirst()
                    .strip());
            try (var intruder = new Socket(InetAddress.getLoopbackAddress(), port)) {
                var out = new OutputStreamWriter(intruder.getOutputStream(), StandardCharsets.UTF_8);
                out.write("guessed\n" + LINK + "\n\n");
                out.flush();
                assertEquals(-1, intruder.getInputStream().read(), "no answer, the connection is closed");
            }
            SingleInstance.claim(folder, List.of("parley://invite/real"), arguments -> {});
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
            assertEquals(List.of(List.of("parley://invite/real")), received);
        }
    }

    @Test
    void aHeldLockWhoseOwnerNeverAnswersIsSaidToBeSo() throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(
                        folder.resolve("instance.lock"),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            assertThrows(
                    InstanceUnreachableException.class,
                    () -> SingleInstance.claim(folder, List.of(LINK), received::add));
            assertTrue(lock.isValid());
        }
    }
}
