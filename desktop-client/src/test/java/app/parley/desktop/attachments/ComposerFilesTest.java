package app.parley.desktop.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing files for a message, with the limit read from a real server (8 KB at most). */
class ComposerFilesTest {
    @TempDir
    Path data;

    @TempDir
    Path folder;

    private TestServer server;
    private ComposerFiles files;

    @BeforeEach
    void start() {
        server = TestServer.start(data, Map.of("parley.files.max-file-size", "8KB"));
        var api = server.register("lena", "Лена");
        var text = Messages.forLocale(Locale.forLanguageTag("ru"));
        var background = new Background(Executors.newVirtualThreadPerTaskExecutor(), Runnable::run);
        var problems = new ProblemText(text);
        files = new ComposerFiles(new Attachments(api, background, problems, text, folder.resolve("cache")), problems);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void atMostTenFilesGoInOneMessageAndTheRestAreNamedAsTooMany() throws Exception {
        List<Path> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(Files.write(folder.resolve("file-" + i + ".txt"), new byte[i]));
        }

        files.add(twelve);

        Awaitility.await()
                .atMost(10, TimeUnit.SECONDS)
                .until(() -> files.chosen().size() == 10);
        assertEquals(
                "В одном сообщении может быть не больше 10 файлов.",
                files.noticeProperty().get());
        assertEquals(
                twelve.subList(0, 10), files.chosen().stream().map(Upload::file).toList());
    }

    @Test
    void aFolderAndAFileTooBigAreNotChosenAndBothAreNamed() throws Exception {
        Path big = Files.write(folder.resolve("большой.bin"), new byte[9000]);
        Path small = Files.write(folder.resolve("small.txt"), new byte[10]);

        files.add(List.of(Files.createDirectories(folder.resolve("папка")), small, big));

        Awaitility.await()
                .atMost(10, TimeUnit.SECONDS)
                .until(() -> !files.noticeProperty().get().isEmpty());
        assertEquals(
                "«папка» — это папка, а не файл: она не добавлена. «большой.bin» весит 8,8 КБ, а этот сервер принимает"
                        + " файлы не больше 8 КБ. Файл не добавлен.",
                files.noticeProperty().get());
        assertEquals(
                List.of("small.txt"), files.chosen().stream().map(Upload::name).toList());
        assertEquals(
                List.of("small.txt"), files.take().stream().map(Upload::name).toList());
        assertEquals(List.of(), files.chosen());
    }
}
