package app.parley.desktop.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.support.TestServer;
import app.parley.model.chat.ChatRoom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.feather.Feather;

/** A message's uploads against a real server (4 KB at most): each file goes up once, cancelled ones never. */
class UploadTest {
    @TempDir
    Path data;

    @TempDir
    Path folder;

    private final Background background = new Background(Executors.newVirtualThreadPerTaskExecutor(), Runnable::run);
    private TestServer server;
    private ApiClient ira;
    private ChatRoom chat;
    private Attachments attachments;

    @BeforeEach
    void start() {
        server = TestServer.start(data, Map.of("parley.files.max-file-size", "4KB"));
        ira = server.register("ira", "Ира");
        chat = ira.openPrivateChat(server.register("kim", "Kim").me().id());
        var text = Messages.forLocale(Locale.ENGLISH);
        attachments = new Attachments(ira, background, new ProblemText(text), text, folder.resolve("cache"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFileUploadedOnceIsNotUploadedAgainWhenItsMessageIsResent() throws Exception {
        var upload = upload("a.txt", 1000);

        List<Long> first = attachments.upload(chat.id(), List.of(upload));
        List<Long> again = attachments.upload(chat.id(), List.of(upload));

        assertEquals(first, again);
        assertEquals(1000, ira.storage().usedBytes(), "stored once");
        assertEquals(
                List.of(Upload.State.DONE, 1.0),
                List.of(upload.stateProperty().get(), upload.progressProperty().get()));
    }

    @Test
    void aCancelledFileIsLeftOutAndTheOthersGo() throws Exception {
        var cancelled = upload("cancelled.txt", 500);
        var kept = upload("kept.txt", 700);
        cancelled.cancel();

        List<Long> ids = attachments.upload(chat.id(), List.of(cancelled, kept));

        assertEquals(1, ids.size());
        assertEquals("kept.txt", ira.fileInfo(ids.getFirst()).name());
        assertEquals(700, ira.storage().usedBytes());
        assertEquals(Upload.State.CANCELLED, cancelled.stateProperty().get());
    }

    @Test
    void aRefusedUploadFailsItsMessageWithTheServersReasonAndCanBeTriedAgain() throws Exception {
        Path file = Files.write(folder.resolve("grows.txt"), new byte[100]);
        var upload = new Upload(file, "grows.txt", 100, background);
        Files.write(file, new byte[5000]); // grew past the limit after it was chosen

        var refused = assertThrows(ApiException.class, () -> attachments.upload(chat.id(), List.of(upload)));

        assertEquals("file_too_large", refused.code());
        assertEquals(Upload.State.FAILED, upload.stateProperty().get());
        Files.write(file, new byte[100]);
        assertEquals(1, attachments.upload(chat.id(), List.of(upload)).size());
    }

    @Test
    void sizesReadAsPeopleWriteThemInEnglishAndRussian() {
        var english = new FileSizes(Messages.forLocale(Locale.ENGLISH));
        var russian = new FileSizes(Messages.forLocale(Locale.forLanguageTag("ru")));

        assertEquals(
                List.of("812 B", "1.5 KB", "12 MB", "2 GB", "65 KB"),
                List.of(
                        english.of(812),
                        english.of(1536),
                        english.of(12L * 1024 * 1024),
                        english.of(2L * 1024 * 1024 * 1024),
                        english.atLeast(64 * 1024 + 1)));
        assertEquals(
                List.of("812 Б", "1,5 КБ", "12 МБ"),
                List.of(russian.of(812), russian.of(1536), russian.of(12L * 1024 * 1024)));
    }

    @Test
    void aFileKindsIconFollowsItsContentType() {
        assertEquals(
                List.of(Feather.FILE_TEXT, Feather.ARCHIVE, Feather.MUSIC, Feather.VIDEO, Feather.FILE),
                List.of(
                        FileKinds.iconOf("application/pdf"),
                        FileKinds.iconOf("application/zip"),
                        FileKinds.iconOf("audio/mpeg"),
                        FileKinds.iconOf("video/mp4"),
                        FileKinds.iconOf("application/octet-stream")));
    }

    private Upload upload(String name, int size) throws Exception {
        Path file = Files.write(folder.resolve(name), new byte[size]);
        return new Upload(file, name, size, background);
    }
}
