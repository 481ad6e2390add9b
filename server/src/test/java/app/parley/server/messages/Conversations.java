package app.parley.server.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Chats, messages and read state set up and read back over the public API, so that tests say
 * what they check instead of how to reach it.
 */
public final class Conversations {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Conversations() {}

    /** The private chat of two users (seed 002's {@code POST /api/v1/chat/{id}}). */
    public static long privateChat(TestUser a, TestUser b) {
        ApiClient.Response response = a.api().post("/api/v1/chat/" + b.id(), Map.of());
        assertEquals(200, response.status(), response.body());
        return response.json().get("chat").get("id").asLong();
    }

    /** A group owned by {@code owner} with the other users as members. */
    public static long group(TestUser owner, TestUser... members) {
        List<Map<String, Object>> users = Arrays.stream(members)
                .map(m -> Map.<String, Object>of("id", m.id()))
                .toList();
        ApiClient.Response response = owner.api().post("/api/v1/group", Map.of("name", "g", "users", users));
        assertEquals(200, response.status(), response.body());
        return response.json().get("group").get("id").asLong();
    }

    public static String messagesPath(Object chat) {
        return "/api/v1/chats/" + chat + "/messages/";
    }

    /** Sends a message and returns it; fails the test unless the server answers 201. */
    public static JsonNode send(TestUser author, Object chat, String text) {
        ApiClient.Response response = author.api().post(messagesPath(chat), Map.of("text", text));
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    /** Sends messages and returns their ids in sending order. */
    public static List<Long> sendAll(TestUser author, Object chat, String... texts) {
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(send(author, chat, text).get("id").asLong());
        }
        return ids;
    }

    /** The whole history, oldest first, by following {@code next} links. */
    public static List<JsonNode> history(TestUser reader, Object chat) {
        List<JsonNode> all = new ArrayList<>();
        String path = messagesPath(chat) + "?order=asc&limit=200";
        while (path != null) {
            ApiClient.Response response = reader.api().get(path);
            assertEquals(200, response.status(), response.body());
            response.json().get("results").forEach(all::add);
            JsonNode next = response.json().get("next");
            path = next.isNull() ? null : next.asText();
        }
        return all;
    }

    public static List<String> historyTexts(TestUser reader, Object chat) {
        return history(reader, chat).stream().map(m -> m.get("text").asText()).toList();
    }

    public static List<Long> ids(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false)
                .map(m -> m.get("id").asLong())
                .toList();
    }

    public static List<String> texts(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false)
                .map(m -> m.get("text").asText())
                .toList();
    }

    /** The caller's {@code GET /api/v1/chats/unread/} answer. */
    public static JsonNode unreadCounts(TestUser user) {
        ApiClient.Response response = user.api().get("/api/v1/chats/unread/");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** The caller's unread count in one chat, as {@code /api/v1/chats/unread/} reports it. */
    public static long unread(TestUser user, long chatId) {
        for (JsonNode chat : unreadCounts(user).get("chats")) {
            if (chat.get("chat_id").asLong() == chatId) {
                return chat.get("unread_count").asLong();
            }
        }
        throw new AssertionError("chat " + chatId + " is not in the unread counts of " + user.username());
    }

    /** The chat as it appears in the caller's chat list ({@code GET /api/v1/chats}). */
    public static JsonNode room(TestUser user, long chatId) {
        ApiClient.Response response = user.api().get("/api/v1/chats");
        assertEquals(200, response.status(), response.body());
        for (JsonNode room : response.json().get("rooms")) {
            if (room.get("id").asLong() == chatId) {
                return room;
            }
        }
        throw new AssertionError("chat " + chatId + " is not in the chat list of " + user.username());
    }

    /**
     * The response is the canonical error body with this status, code and field (null: none),
     * and nothing else.
     */
    public static void assertError(ApiClient.Response response, int status, String code, String field) {
        assertEquals(status, response.status(), response.body());
        JsonNode body = response.json();
        Set<String> keys = new TreeSet<>();
        body.fieldNames().forEachRemaining(keys::add);
        Set<String> expectedKeys = new TreeSet<>(
                field == null
                        ? Set.of("status", "http_status", "code", "message")
                        : Set.of("status", "http_status", "code", "message", "field"));
        assertEquals(expectedKeys, keys, response.body());
        assertEquals("error", body.get("status").asText(), response.body());
        assertEquals(status, body.get("http_status").asInt(), response.body());
        assertEquals(code, body.get("code").asText(), response.body());
        assertFalse(body.get("message").asText().isBlank(), response.body());
        if (field != null) {
            assertEquals(field, body.get("field").asText(), response.body());
        }
    }

    /** The canonical error body exactly: status, code, message and field (null: none). */
    public static void assertErrorBody(
            ApiClient.Response response, int status, String code, String message, String field) {
        assertEquals(status, response.status(), response.body());
        ObjectNode expected = JSON.createObjectNode()
                .put("status", "error")
                .put("http_status", status)
                .put("code", code)
                .put("message", message);
        if (field != null) {
            expected.put("field", field);
        }
        assertEquals(expected, response.json());
    }

    /** A message's JSON with every field named, in the order a test states them. */
    public static JsonNode message(long id, String uuid, long chatId, String text, TestUser author, String time) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", id)
                .put("uuid", uuid)
                .put("chat_id", chatId)
                .put("type", "message")
                .put("text", text);
        node.set(
                "author",
                JSON.createObjectNode()
                        .put("id", author.id())
                        .put("name", author.username())
                        .put("username", author.username()));
        node.put("time", time);
        return json(node);
    }

    /**
     * A JSON value built in a test, as it would come off the wire: a number is equal to the same
     * number parsed from a response whether it was put as an int or a long.
     */
    public static JsonNode json(JsonNode built) {
        try {
            return JSON.readTree(built.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void assertNoMessages(TestUser reader, long chatId) {
        assertTrue(history(reader, chatId).isEmpty(), () -> "expected no messages in chat " + chatId);
    }
}
