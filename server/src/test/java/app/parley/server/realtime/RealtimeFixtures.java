package app.parley.server.realtime;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames the server should send, built from what the HTTP API answers, so that a test
 * compares whole frames. Sockets are opened and made ready with {@link Sockets}.
 */
final class RealtimeFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private RealtimeFixtures() {}

    /** A chat socket on {@code /api/v1/chat/{id}} with an optional query (without '?'); its history frame is not read yet. */
    static SocketClient chatSocket(RunningServer server, TestUser user, long chatId, String query) {
        return SocketClient.open(
                server, user, "/api/v1/chat/" + chatId + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** The {@code last_message} frame a member's main socket gets for a message. */
    static JsonNode lastMessage(JsonNode message, long unreadCount) {
        ObjectNode frame = message.deepCopy();
        frame.put("type", "last_message");
        frame.put("unread_count", unreadCount);
        return reparse(frame);
    }

    /** A {@code history} frame with exactly these messages. */
    static JsonNode history(long chatId, List<JsonNode> messages, Long afterId, boolean hasMore) {
        ObjectNode frame = JSON.createObjectNode().put("type", "history").put("chat_id", chatId);
        ArrayNode list = frame.putArray("messages");
        messages.forEach(list::add);
        if (afterId != null) {
            frame.put("after_id", afterId);
        }
        frame.put("has_more", hasMore);
        if (messages.isEmpty()) {
            frame.put("error", "no messages");
        }
        return reparse(frame);
    }

    /** A user as frames name them: {@code {"id", "name", "username"}} (a new user's name is their username). */
    static ObjectNode userRef(TestUser user) {
        return JSON.createObjectNode()
                .put("id", user.id())
                .put("name", user.username())
                .put("username", user.username());
    }

    static JsonNode membersChanged(String type, long chatId, TestUser... users) {
        ObjectNode frame = JSON.createObjectNode().put("type", type).put("chat_id", chatId);
        ArrayNode list = frame.putArray("users");
        for (TestUser user : users) {
            list.add(userRef(user));
        }
        return reparse(frame);
    }

    static JsonNode chatCreated(long chatId, String uuid, String name, String chatType, String roomName) {
        return reparse(JSON.createObjectNode()
                .put("type", "chat_created")
                .put("chat_id", chatId)
                .put("uuid", uuid)
                .put("name", name)
                .put("chat_type", chatType)
                .put("room_name", roomName));
    }

    static JsonNode chatDeleted(long chatId) {
        return reparse(JSON.createObjectNode().put("type", "chat_deleted").put("chat_id", chatId));
    }

    /** The ids of a list of messages, in order. */
    static List<Long> idsOf(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("id").asLong()).toList();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Numbers compare equal to parsed ones whether they were put as int or long. */
    static JsonNode reparse(JsonNode built) {
        try {
            return JSON.readTree(built.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
