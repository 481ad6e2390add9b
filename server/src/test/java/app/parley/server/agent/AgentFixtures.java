package app.parley.server.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The agent as a member reaches it: over the HTTP API and a chat's WebSocket. */
final class AgentFixtures {
    static final String WARNING = "⚠ I could not answer:";

    private AgentFixtures() {}

    /** {@code GET /api/v1/agent}. */
    static JsonNode agentInfo(TestUser user) {
        ApiClient.Response response = user.api().get("/api/v1/agent");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    /** The bot's user {@code {id, name, username}} from {@code GET /api/v1/agent}. */
    static JsonNode bot(TestUser user) {
        JsonNode bot = agentInfo(user).get("user");
        assertTrue(bot != null && bot.isObject(), "the agent has no user");
        return bot;
    }

    /** The caller's conversation with the agent ({@code POST /api/v1/agent/conversation}): its chat id. */
    static long agentChat(TestUser user) {
        ApiClient.Response response = user.api().postEmpty("/api/v1/agent/conversation");
        assertEquals(200, response.status(), response.toString());
        return response.json().get("id").asLong();
    }

    /** A chat socket on {@code /api/v1/chat/{id}}, past its opening history frame. */
    static SocketClient chatSocket(RunningServer server, TestUser user, long chatId) {
        SocketClient socket = SocketClient.open(server, user, "/api/v1/chat/" + chatId);
        socket.next("history");
        return socket;
    }

    static boolean byBot(JsonNode frame, long botId) {
        return frame.path("author").path("id").asLong() == botId;
    }

    /** The next {@code message} frame written by the bot (earlier frames are dropped). */
    static JsonNode nextBotMessage(SocketClient socket, long botId) {
        return socket.nextMatching(frame -> "message".equals(frame.path("type").asText()) && byBot(frame, botId));
    }

    /** Every frame up to and including the bot's {@code stop_typing}, in order. */
    static List<JsonNode> framesUntilStopTyping(SocketClient socket, long botId) {
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            JsonNode frame = socket.next();
            frames.add(frame);
            if ("stop_typing".equals(frame.path("type").asText()) && byBot(frame, botId)) {
                return frames;
            }
        }
    }

    /** Sends a message over {@code POST /api/v1/chats/{id}/messages/}; the stored message. */
    static JsonNode send(TestUser author, long chatId, String text) {
        ApiClient.Response response = author.api().post("/api/v1/chats/" + chatId + "/messages/", Map.of("text", text));
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
