package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.assertNoMessages;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.messagesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message that has waited longer than {@code max-wait} by the time it would be stored is
 * refused then, over HTTP and on a socket, and nothing is stored: none is stored late.
 */
class LateWriteRefusalTest {
    // Every message has waited longer than no time at all by the time the writer takes it.
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.writes.max-wait", "0ms");

    @Test
    void aSendThatWaitedTooLongIsRefusedAndStoresNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);

        var response = alice.api().post(messagesPath(chat), Map.of("text", "late", "client_msg_id", "late-1"));
        assertError(response, 429, "slow_down", null);
        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());

        try (SocketClient socket = Sockets.openChat(server, alice, chat)) {
            socket.send(Map.of("type", "message", "text", "late too", "client_msg_id", "late-2"));
            JsonNode error = socket.next("error");
            assertEquals("slow_down", error.get("code").asText());
            assertEquals("late-2", error.get("client_msg_id").asText());
            Sockets.assertSilent(socket);
        }
        assertNoMessages(bob, chat);
    }
}
