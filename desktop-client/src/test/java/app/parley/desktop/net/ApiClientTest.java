package app.parley.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.support.TestServer;
import app.parley.model.ParleyJson;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real server, and against things that are not one. */
class ApiClientTest {
    @TempDir
    static Path data;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registersSignsInAndSeesItself() {
        var registered = server.client().register("vera", "correct horse battery", "Вера");
        var signedIn = server.client().login("VERA", "correct horse battery");

        var me = server.client().signedIn(signedIn.accessToken()).me();
        assertEquals(List.of("vera", "Вера"), List.of(me.username(), me.name()));
        assertEquals(registered.user().id(), me.id());
    }

    @Test
    void aWrongPasswordIsARefusalWithItsCode() {
        server.client().register("gleb", "correct horse battery", null);

        var refused = assertThrows(ApiException.class, () -> server.client().login("gleb", "wrong password"));
        assertEquals(List.of(401, "invalid_credentials"), List.of(refused.status(), refused.code()));
        assertTrue(!refused.sessionEnded());
    }

    @Test
    void aBadInputNamesItsField() {
        var refused = assertThrows(ApiException.class, () -> server.client().register("ok_name", "short", null));
        assertEquals(List.of(400, "password"), List.of(refused.status(), refused.field()));
    }

    @Test
    void aForgedTokenEndsTheSession() {
        var refused = assertThrows(
                ApiException.class, () -> server.client().signedIn("a.b.c").chats());
        assertTrue(refused.sessionEnded(), refused.code());
    }

    @Test
    void messagesSentTwiceWithOneClientIdAreStoredOnce() {
        var dina = server.register("dina", "Dina");
        var egor = server.register("egor", "Egor");
        var chat = dina.openPrivateChat(egor.me().id());

        var first = dina.send(chat.id(), "hello", "same-id", List.of());
        var again = dina.send(chat.id(), "hello", "same-id", List.of());

        assertEquals(first.id(), again.id());
        assertEquals(1, egor.history(chat.id(), null, 50).results().size());
        assertEquals(1, egor.chats().getFirst().unreadCount());
    }

    @Test
    void readPositionsShowHowFarEachMemberHasRead() {
        var irina = server.register("irina", "Ирина");
        var yuri = server.register("yuri", "Yuri");
        var chat = irina.openPrivateChat(yuri.me().id());
        var first = irina.send(chat.id(), "раз", null, List.of());
        irina.send(chat.id(), "два", null, List.of());

        yuri.markRead(chat.id(), first.id());

        var positions = irina.readPositions(chat.id());
        assertEquals(chat.id(), positions.chatId());
        assertEquals(
                List.of("irina", "yuri"),
                positions.positions().stream().map(p -> p.user().username()).toList());
        assertEquals(
                List.of("Ирина", "Yuri"),
                positions.positions().stream().map(p -> p.user().name()).toList());
        assertEquals(first.id(), positions.positions().get(1).lastReadMessageId());
    }

    @Test
    void findsPeopleByTheStartOfTheirUsernameOrNameAndCreatesAGroupWithThem() {
        var olga = server.register("olga", "Olga");
        server.register("oleg", "Oleg");
        server.register("pavel", "Pavel");

        var found = olga.searchUsers("ole", 10);
        assertEquals(
                List.of("oleg"), found.stream().map(user -> user.username()).toList());

        server.register("nastya", "Анастасия Волкова");
        assertEquals(
                List.of("nastya"),
                olga.searchUsers("волк", 10).stream()
                        .map(user -> user.username())
                        .toList());

        var group =
                olga.createGroup("Ольгина группа", "", List.of(found.getFirst().id()));
        assertEquals("Ольгина группа", olga.chatInfo(group.id()).name());
    }

    @Test
    void nothingListeningIsUnreachable() {
        var nowhere = ApiClient.of(
                HttpClient.newHttpClient(),
                ParleyJson.mapper(),
                ServerAddress.parse("127.0.0.1:1").orElseThrow());

        assertThrows(ServerUnreachableException.class, nowhere::checkReachable);
    }

    @Test
    void aWebServerThatIsNotParleyIsSaidToBeSo() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            var client = ApiClient.of(
                    HttpClient.newHttpClient(),
                    ParleyJson.mapper(),
                    ServerAddress.parse("127.0.0.1:" + other.getAddress().getPort())
                            .orElseThrow());

            var problem = assertThrows(ServerUnreachableException.class, client::checkReachable);
            assertTrue(problem.getMessage().contains("Parley cannot read"), problem.getMessage());
        } finally {
            other.stop(0);
        }
    }
}
