package app.parley.desktop.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's refusals, said in the app's language: the server answers, the app words it. */
class ProblemTextTest {
    @TempDir
    Path serverData;

    @TempDir
    Path files;

    private TestServer server;
    private final ProblemText russian = new ProblemText(Messages.forLocale(Locale.of("ru")));
    private final ProblemText english = new ProblemText(Messages.forLocale(Locale.ENGLISH));

    @BeforeEach
    void start() {
        server = TestServer.start(serverData, Map.of("parley.files.max-file-size", "1KB"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTakenUsernameIsSaidInRussian() {
        server.register("anna", "Anna");

        ApiException refused = assertThrows(
                ApiException.class, () -> server.client().register("anna", "correct horse battery", "Anna"));

        assertEquals("username_taken", refused.code());
        assertEquals(
                "Это имя пользователя занято (или слишком похоже на занятое). Выберите другое.",
                russian.describe(refused));
    }

    @Test
    void aMessageTooLongIsSaidInRussianByTheFieldAtFault() {
        ApiClient anna = server.register("anna", "Анна");
        ApiClient boris = server.register("boris", "Борис");
        var chat = anna.openPrivateChat(boris.me().id());

        ApiException refused =
                assertThrows(ApiException.class, () -> anna.send(chat.id(), "я".repeat(4001), "long-1", List.of()));

        assertEquals("invalid_input", refused.code());
        assertEquals("text", refused.field());
        assertEquals(
                "Сообщение слишком длинное для этого сервера. Сократите его или разбейте на несколько.",
                russian.describe(refused));
        assertEquals(
                "This message is too long for this server. Shorten it, or split it into several.",
                english.describe(refused));
    }

    @Test
    void aFileOverTheLimitIsSaidInRussian() throws Exception {
        ApiClient anna = server.register("anna", "Анна");
        ApiClient boris = server.register("boris", "Борис");
        var chat = anna.openPrivateChat(boris.me().id());
        Path big = Files.write(files.resolve("большой.bin"), new byte[4096]);

        ExecutionException failed = assertThrows(
                ExecutionException.class,
                () -> anna.upload(chat.id(), big, sent -> {}).get(20, TimeUnit.SECONDS));

        ApiException refused = (ApiException) failed.getCause();
        assertEquals("file_too_large", refused.code());
        assertEquals("Файл больше, чем принимает этот сервер.", russian.describe(refused));
    }

    @Test
    void aBadGroupNameIsSaidInRussian() {
        ApiClient anna = server.register("anna", "Анна");

        ApiException refused = assertThrows(ApiException.class, () -> anna.createGroup("x".repeat(101), "", List.of()));

        assertEquals("name", refused.field());
        assertEquals(
                "Название не должно быть пустым или слишком длинным и может содержать только видимые символы.",
                russian.describe(refused));
    }

    @Test
    void aRefusalTheAppDoesNotKnowShowsTheServersOwnWords() {
        ApiException unknown = new ApiException(418, "teapot", "I am a teapot", null);
        ApiException unknownField = new ApiException(400, "invalid_input", "limit must be at most 200", "limit");

        assertEquals("I am a teapot", russian.describe(unknown));
        assertEquals("limit must be at most 200", russian.describe(unknownField));
    }
}
