package app.parley.desktop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.support.TestServer;
import app.parley.model.chat.ChatRoom;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and downloads against a real server whose files may be at most 1 MB. */
class ApiClientFilesTest {
    private static final long LIMIT = 1024 * 1024;

    @TempDir
    static Path data;

    @TempDir
    Path folder;

    private static TestServer server;
    private static ApiClient zoya;
    private static ApiClient yuri;
    private static ChatRoom chat;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, Map.of("parley.files.max-file-size", "1MB"));
        zoya = server.register("zoya", "Зоя");
        yuri = server.register("yuri", "Yuri");
        chat = zoya.openPrivateChat(yuri.me().id());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theStorageInfoTellsTheLargestFileTheServerTakes() {
        assertEquals(LIMIT, zoya.storage().maxFileBytes());
    }

    @Test
    void anUploadReportsItsProgressAndTheOtherMemberDownloadsTheSameBytes() throws Exception {
        byte[] content = randomBytes(300_000);
        Path file = Files.write(folder.resolve("отчёт за год.bin"), content);
        var sent = new AtomicLong();

        var attachment = zoya.upload(chat.id(), file, sent::set).join();

        assertEquals(
                List.of("отчёт за год.bin", (long) content.length, chat.id()),
                List.of(attachment.name(), attachment.size(), attachment.chatId()));
        assertTrue(sent.get() >= content.length, "progress reached " + sent.get());
        var message = zoya.send(chat.id(), "", "with-file", List.of(attachment.id()));
        assertEquals(List.of(attachment), message.attachments());
        assertEquals(attachment, yuri.fileInfo(attachment.id()));
        assertArrayEquals(content, yuri.fileBytes(attachment.id()));
        Path saved = yuri.downloadTo(attachment.id(), folder.resolve("saved").resolve("копия.bin"));
        assertArrayEquals(content, Files.readAllBytes(saved));
        try (var left = Files.list(saved.getParent())) {
            assertEquals(List.of(saved), left.toList(), "no temporary file is left beside the download");
        }
    }

    @Test
    void anImageHasItsSizeAndAThumbnail() throws Exception {
        var image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        var pen = image.createGraphics();
        pen.setColor(Color.ORANGE);
        pen.fillRect(0, 0, 800, 400);
        pen.dispose();
        Path file = folder.resolve("sunset.png");
        ImageIO.write(image, "png", file.toFile());

        var attachment = zoya.upload(chat.id(), file, sent -> {}).join();

        assertEquals(
                List.of("image/png", 800, 400),
                List.of(attachment.contentType(), attachment.width(), attachment.height()));
        var thumbnail = ImageIO.read(new ByteArrayInputStream(yuri.thumbnail(attachment.id())));
        assertNotNull(thumbnail);
        assertEquals(List.of(320, 160), List.of(thumbnail.getWidth(), thumbnail.getHeight()));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsCode() throws Exception {
        Path file = Files.write(folder.resolve("big.bin"), randomBytes((int) LIMIT + 1));

        var failure = assertThrows(
                CompletionException.class,
                () -> zoya.upload(chat.id(), file, sent -> {}).join());

        var refused = assertInstanceOf(ApiException.class, failure.getCause());
        assertEquals(List.of(413, "file_too_large"), List.of(refused.status(), refused.code()));
    }

    @Test
    void someoneOutsideTheChatCannotDownloadItsFileAndNothingIsWritten() throws Exception {
        var attachment = zoya.upload(chat.id(), Files.write(folder.resolve("private.txt"), randomBytes(10)), sent -> {})
                .join();
        var stranger = server.register("stranger", "Stranger");
        Path target = folder.resolve("out").resolve("private.txt");

        var refused = assertThrows(ApiException.class, () -> stranger.downloadTo(attachment.id(), target));

        assertEquals(403, refused.status());
        try (var left = Files.list(target.getParent())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aCancelledUploadStoresNothing() throws Exception {
        var uma = server.register("uma", "Uma");
        var umasChat = uma.openPrivateChat(yuri.me().id());
        Path file = Files.write(folder.resolve("cancelled.bin"), randomBytes((int) LIMIT - 1));

        // The body waits at its first progress report until the cancel: the upload is surely in flight.
        var inFlight = new java.util.concurrent.CountDownLatch(1);
        var cancelled = new java.util.concurrent.CountDownLatch(1);
        var upload = uma.upload(umasChat.id(), file, sent -> {
            inFlight.countDown();
            try {
                cancelled.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(inFlight.await(10, java.util.concurrent.TimeUnit.SECONDS));
        upload.cancel(true);
        cancelled.countDown();

        assertTrue(upload.isCancelled());
        Thread.sleep(500); // whatever reached the server before the cancel must not stay
        assertEquals(0, uma.storage().usedBytes());
    }

    @Test
    void aFileThatDoesNotExistIsNotUploaded() {
        var failure = zoya.upload(chat.id(), folder.resolve("missing.txt"), sent -> {});

        var problem = assertThrows(CompletionException.class, failure::join);
        assertFalse(
                problem.getCause() instanceof ApiException, problem.getCause().toString());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
