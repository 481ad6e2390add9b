package app.parley.desktop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource({
        "192.168.1.20:9090, http://192.168.1.20:9090",
        "chat.local, http://chat.local:8080",
        "'  chat.local:8080  ', http://chat.local:8080",
        "http://chat.local:9090/, http://chat.local:9090",
        "HTTP://Chat.Local:9090, http://Chat.Local:9090",
        "https://chat.example.org, https://chat.example.org:443",
        "http://chat.local:9090/invite/abc123, http://chat.local:9090",
        "[::1]:8080, http://[::1]:8080",
    })
    void readsWhatPeopleType(String typed, String base) {
        assertEquals(base, ServerAddress.parse(typed).orElseThrow().base().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://chat.local", "http://", "chat local", "parley://invite/abc"})
    void refusesWhatCannotNameAServer(String typed) {
        assertEquals(Optional.empty(), ServerAddress.parse(typed));
    }

    @Test
    void buildsApiAndSocketAddresses() {
        ServerAddress plain = ServerAddress.parse("chat.local:9090").orElseThrow();
        ServerAddress secure = ServerAddress.parse("https://chat.local").orElseThrow();

        assertEquals(
                "http://chat.local:9090/api/v1/chats",
                plain.resolve("/api/v1/chats").toString());
        assertEquals(
                "ws://chat.local:9090/api/v1/main", plain.socket("/api/v1/main").toString());
        assertEquals(
                "wss://chat.local:443/api/v1/main",
                secure.socket("/api/v1/main").toString());
        assertTrue(plain.display().equals("chat.local:9090"));
    }
}
