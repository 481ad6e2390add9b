package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The frames of the WebSocket API as a test expects them (whole values, so that any extra,
 * missing or wrong field fails; numbers compare equal whether built as int or long), the socket
 * paths, and the client frames tests send. Sockets are opened and made ready with
 * {@link app.parley.server.support.Sockets}.
 */
final class WsFrames {
    private WsFrames() {}

    /** Seed 002's chat socket, {@code /api/v1/chat/{id}}. */
    static String chatPath(Object chat) {
        return "/api/v1/chat/" + chat;
    }

    /** Seed 002's group socket, {@code /api/v1/group/{id}}. */
    static String groupPath(Object group) {
        return "/api/v1/group/" + group;
    }

    /** Seed 001's chat socket, {@code /ws/chat/{chat_id}/}. */
    static String roomPath(Object chat) {
        return "/ws/chat/" + chat + "/";
    }

    /** A chat socket on {@code /api/v1/chat/{id}} with an optional query (without '?'); its history frame is not read yet. */
    static SocketClient chatSocket(RunningServer server, TestUser user, long chatId, String query) {
        return SocketClient.open(
                server, user, chatPath(chatId) + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** A user as frames embed one: {@code {"id","name","username"}} (a new user's name is their username). */
    static JsonNode userRef(TestUser user) {
        return json(JSON.createObjectNode()
                .put("id", user.id())
                .put("name", user.username())
                .put("username", user.username()));
    }

    /** {@code {"type":"history","chat_id","messages","has_more"}}, with {@code "error":"no messages"} when empty. */
    static JsonNode history(long chatId, List<JsonNode> messages, boolean hasMore) {
        return history(chatId, messages, null, hasMore);
    }

    /** The same with the {@code after_id} a catch-up asked for (null: absent). */
    static JsonNode history(long chatId, List<JsonNode> messages, Long afterId, boolean hasMore) {
        ObjectNode frame = JSON.createObjectNode().put("type", "history").put("chat_id", chatId);
        frame.putArray("messages").addAll(messages);
        if (afterId != null) {
            frame.put("after_id", afterId);
        }
        frame.put("has_more", hasMore);
        if (messages.isEmpty()) {
            frame.put("error", "no messages");
        }
        return json(frame);
    }

    /** The main socket's {@code last_message}: the message with type last_message and the member's unread count. */
    static JsonNode lastMessage(JsonNode message, long unreadCount) {
        ObjectNode frame = message.deepCopy();
        frame.put("type", "last_message").put("unread_count", unreadCount);
        return json(frame);
    }

    /** {@code typing} or {@code stop_typing} as the server relays it. */
    static JsonNode typing(String type, long chatId, TestUser author) {
        ObjectNode frame = JSON.createObjectNode().put("type", type).put("chat_id", chatId);
        frame.set("author", userRef(author));
        return json(frame);
    }

    /** A read receipt; {@code unreadCount} only on the reader's own main sockets (null: absent). */
    static JsonNode read(long chatId, TestUser reader, long lastReadMessageId, Long unreadCount) {
        ObjectNode frame = JSON.createObjectNode().put("type", "read").put("chat_id", chatId);
        frame.set("user", userRef(reader));
        frame.put("last_read_message_id", lastReadMessageId);
        if (unreadCount != null) {
            frame.put("unread_count", unreadCount);
        }
        return json(frame);
    }

    /** {@code members_added} or {@code members_removed} with exactly these users. */
    static JsonNode membersChanged(String type, long chatId, TestUser... users) {
        ObjectNode frame = JSON.createObjectNode().put("type", type).put("chat_id", chatId);
        ArrayNode list = frame.putArray("users");
        for (TestUser user : users) {
            list.add(userRef(user));
        }
        return json(frame);
    }

    static JsonNode chatCreated(long chatId, String uuid, String name, String chatType, String roomName) {
        return json(JSON.createObjectNode()
                .put("type", "chat_created")
                .put("chat_id", chatId)
                .put("uuid", uuid)
                .put("name", name)
                .put("chat_type", chatType)
                .put("room_name", roomName));
    }

    static JsonNode chatDeleted(long chatId) {
        return json(JSON.createObjectNode().put("type", "chat_deleted").put("chat_id", chatId));
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

    /**
     * An error frame: exactly {@code type, code, message} (non-blank), plus {@code field} and
     * {@code client_msg_id} when expected (null: must be absent).
     */
    static void assertErrorFrame(JsonNode frame, String code, String field, String clientMsgId) {
        Set<String> keys = new TreeSet<>();
        frame.fieldNames().forEachRemaining(keys::add);
        Set<String> expected = new TreeSet<>(Set.of("type", "code", "message"));
        if (field != null) {
            expected.add("field");
        }
        if (clientMsgId != null) {
            expected.add("client_msg_id");
        }
        assertEquals(expected, keys, frame::toString);
        assertEquals("error", frame.get("type").asText(), frame::toString);
        assertEquals(code, frame.get("code").asText(), frame::toString);
        assertTrue(
                frame.get("message").isTextual()
                        && !frame.get("message").asText().isBlank(),
                frame::toString);
        if (field != null) {
            assertEquals(field, frame.get("field").asText(), frame::toString);
        }
        if (clientMsgId != null) {
            assertEquals(clientMsgId, frame.get("client_msg_id").asText(), frame::toString);
        }
    }

    /** A client frame from key/value pairs (values may be null, which Map.of refuses). */
    static Map<String, Object> frame(Object... keysAndValues) {
        Map<String, Object> frame = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            frame.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return frame;
    }

    /** The socket was closed with this code and received no frame at all. */
    static void assertClosedWithoutFrames(SocketClient socket, int code, String what) {
        assertEquals(code, socket.closeCode(), what);
        assertEquals(List.of(), socket.drain(), what);
    }
}
