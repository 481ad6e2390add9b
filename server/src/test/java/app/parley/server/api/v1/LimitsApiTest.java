package app.parley.server.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's own limits, as configured, for clients to check input before sending it. */
class LimitsApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.limits.message-max", 1234);

    @Test
    void anyoneReadsTheLimitsTheServerIsConfiguredWith() {
        var answer = server.anonymous().get("/api/v1/limits");

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(1234, answer.json().get("message_max").asInt());
        assertEquals(64, answer.json().get("display_name_max").asInt());
        assertEquals(8, answer.json().get("password_min").asInt());
        assertEquals(10, answer.json().size(), answer.toString());
    }

    @Test
    void aMessageOneCharacterOverTheLimitIsRefusedAndOneAtItIsStored() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = anna.api()
                .postEmpty("/api/v1/chat/" + boris.id())
                .json()
                .path("chat")
                .path("id")
                .asLong();

        var over = anna.api().post("/api/v1/chats/" + chat + "/messages/", Map.of("text", "я".repeat(1235)));
        var at = anna.api().post("/api/v1/chats/" + chat + "/messages/", Map.of("text", "я".repeat(1234)));

        assertEquals(400, over.status(), over.toString());
        assertEquals(201, at.status(), at.toString());
    }
}
