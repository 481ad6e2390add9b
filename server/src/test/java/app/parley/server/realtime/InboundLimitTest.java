package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.realtime.WsFrames.chatPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that sends faster than its frames are handled is refused frame by frame, not buffered without end. */
class InboundLimitTest {
    private static final int BURST = 40;

    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.realtime.inbound-queue-max", 1);

    @Test
    void framesBeyondTheInboundLimitAreRefusedWithSlowDownAndTheRestAreStored() throws InterruptedException {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient socket = Sockets.openChat(server, alice, chatPath(chat))) {
            for (int i = 0; i < BURST; i++) {
                socket.send(Map.of("type", "message", "text", "burst " + i, "client_msg_id", "b-" + i));
            }
            Set<String> stored = new HashSet<>();
            Set<String> refused = new HashSet<>();
            while (stored.size() + refused.size() < BURST) {
                JsonNode frame = socket.next();
                switch (frame.get("type").asText()) {
                    case "message" -> stored.add(frame.get("client_msg_id").asText());
                    case "error" -> {
                        assertEquals("slow_down", frame.get("code").asText(), frame.toString());
                        refused.add(frame.get("client_msg_id").asText());
                    }
                    default -> throw new AssertionError("unexpected frame " + frame);
                }
            }
            assertTrue(!refused.isEmpty(), "a burst of " + BURST + " frames against a queue of 1 refused none");
            assertTrue(!stored.isEmpty(), "nothing of the burst was stored");
            Set<String> inHistory = new HashSet<>();
            history(alice, chat)
                    .forEach(message ->
                            inHistory.add(message.get("client_msg_id").asText()));
            assertEquals(stored, inHistory, "exactly the acknowledged frames are stored");

            // The socket still works once the burst is over. The last frame's slot may still be
            // held for a moment after its answer (a slower database holds it longer): a refused
            // frame is sent again a little later, as slow_down asks every client to.
            JsonNode answer = null;
            for (int attempt = 0;
                    attempt < 50
                            && (answer == null
                                    || !"message".equals(answer.get("type").asText()));
                    attempt++) {
                if (answer != null) {
                    assertEquals("slow_down", answer.get("code").asText(), answer.toString());
                    Thread.sleep(50);
                }
                socket.send(Map.of("type", "message", "text", "after the burst", "client_msg_id", "after"));
                answer = socket.next();
            }
            assertEquals("after the burst", answer.get("text").asText(), answer.toString());
        }
    }
}
