package app.parley.server.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiAssertions;
import app.parley.server.support.ApiClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the seed-document walks share: whole expected values built the way the documents show
 * them. Sockets are opened and made ready with {@link app.parley.server.support.Sockets}.
 */
final class SeedWalk {
    static final ObjectMapper JSON = new ObjectMapper();

    private SeedWalk() {}

    static JsonNode json(String text) {
        return ApiAssertions.json(text);
    }

    /** A user as messages and lists embed one: {@code {"id","name","username"}} (a new user's name is their username). */
    static String userRef(TestUser user) {
        return "{\"id\": %d, \"name\": \"%s\", \"username\": \"%s\"}"
                .formatted(user.id(), user.username(), user.username());
    }

    /** Seed 002's Message as Parley writes it: {@code id, uuid, chat_id, type, text, author, time}. */
    static JsonNode message(JsonNode sent) {
        return json("""
            {"id": %d, "uuid": "%s", "chat_id": %d, "type": "message", "text": %s, "author": %s, "time": "%s"}\
            """.formatted(
                        sent.get("id").asLong(),
                        sent.get("uuid").asText(),
                        sent.get("chat_id").asLong(),
                        sent.get("text").toString(),
                        sent.get("author").toString(),
                        sent.get("time").asText()));
    }

    /** The message, as seed 002's main socket announces it: {@code type: last_message}, with the member's unread count. */
    static JsonNode lastMessage(JsonNode sent, long unreadCount) {
        ObjectNode frame = sent.deepCopy();
        frame.put("type", "last_message").put("unread_count", unreadCount);
        return json(frame.toString());
    }

    /** A {@code history} frame with exactly these messages; seed 002's {@code error} when there are none. */
    static JsonNode history(long chatId, List<JsonNode> messages, boolean hasMore) {
        ObjectNode frame = JSON.createObjectNode().put("type", "history").put("chat_id", chatId);
        frame.putArray("messages").addAll(messages);
        frame.put("has_more", hasMore);
        if (messages.isEmpty()) {
            frame.put("error", "no messages");
        }
        return json(frame.toString());
    }

    /** {@code typing} / {@code stop_typing} as the server relays them. */
    static JsonNode typing(String type, long chatId, TestUser author) {
        return json("{\"type\": \"%s\", \"chat_id\": %d, \"author\": %s}".formatted(type, chatId, userRef(author)));
    }

    /** The time is an ISO-8601 instant in UTC, as the seeds show ({@code 2023-01-01T00:00:00Z}). */
    static void assertUtcInstant(JsonNode time) {
        assertTrue(time.isTextual() && time.asText().endsWith("Z"), () -> "not a UTC instant: " + time);
        Instant.parse(time.asText());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static List<Long> ids(JsonNode array) {
        return list(array).stream().map(node -> node.get("id").asLong()).toList();
    }

    /** Posts a message through seed 001's endpoint; fails unless it is stored (201). */
    static JsonNode send(TestUser author, long chatId, String text) {
        ApiClient.Response sent = author.api().post("/api/v1/chats/" + chatId + "/messages/", Map.of("text", text));
        assertEquals(201, sent.status(), sent.toString());
        return sent.json();
    }

    /** The whole history of a chat, oldest first. */
    static List<JsonNode> history(TestUser reader, long chatId) {
        ApiClient.Response page = reader.api().get("/api/v1/chats/" + chatId + "/messages/?order=asc&limit=200");
        assertEquals(200, page.status(), page.toString());
        return list(page.json().get("results"));
    }
}
