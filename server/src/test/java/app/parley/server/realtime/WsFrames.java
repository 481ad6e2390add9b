package app.parley.server.realtime;

import static app.parley.server.messages.Conversations.JSON;
import static app.parley.server.messages.Conversations.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The frames of the WebSocket API as a test expects them (whole values, so that any extra,
 * missing or wrong field fails), the socket paths, and the client frames tests send.
 */
final class WsFrames {
    /** How long "nothing arrives" is watched for. */
    static final Duration QUIET = Duration.ofMillis(250);

    static final String MAIN = "/api/v1/main";

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

    /** A user as frames embed one: {@code {"id","name","username"}} (a new user's name is their username). */
    static JsonNode userRef(TestUser user) {
        return json(JSON.createObjectNode()
                .put("id", user.id())
                .put("name", user.username())
                .put("username", user.username()));
    }

    /** {@code {"type":"history","chat_id","messages","has_more"}}, with {@code "error":"no messages"} when empty. */
    static JsonNode history(long chatId, List<JsonNode> messages, boolean hasMore) {
        ObjectNode frame = JSON.createObjectNode().put("type", "history").put("chat_id", chatId);
        frame.putArray("messages").addAll(messages);
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

    /**
     * Waits until a main socket is registered for live frames. It registers off the event loop
     * with no frame to show for it, but handles frames only once it has: a refused message frame
     * (no chat_id) is answered with an error echoing its client_msg_id and changes nothing. A frame
     * sent right after the handshake may be lost (ChatSocketTest's
     * aFrameSentRightAfterTheHandshakeIsNeverLost), so numbered probes are sent until one is
     * answered, and then the answers to every later probe are waited for, so none comes after.
     */
    static void awaitListening(SocketClient main) {
        TreeSet<Integer> answered = new TreeSet<>();
        for (int probe = 1; probe <= 10; probe++) {
            main.send(Map.of("type", "message", "client_msg_id", "probe-" + probe));
            int last = probe;
            try {
                await().pollInterval(Duration.ofMillis(5))
                        .atMost(answered.isEmpty() ? Duration.ofSeconds(1) : SocketClient.WAIT)
                        .until(() -> {
                            for (JsonNode answer : main.drain()) {
                                assertErrorFrame(
                                        answer,
                                        "invalid_input",
                                        "chat_id",
                                        answer.path("client_msg_id").asText());
                                answered.add(Integer.parseInt(
                                        answer.get("client_msg_id").asText().substring("probe-".length())));
                            }
                            return !answered.isEmpty() && answered.containsAll(range(answered.first(), last));
                        });
                return;
            } catch (ConditionTimeoutException lost) {
                // Lost before the socket was registered: probe again.
            }
        }
        fail("the main socket answered none of 10 probes");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** A main socket of the user, surely listening (see {@link #awaitListening}). */
    static SocketClient mainSocket(RunningServer server, TestUser user) {
        SocketClient main = SocketClient.open(server, user, MAIN);
        awaitListening(main);
        return main;
    }

    /** A chat socket, past its opening history. */
    static SocketClient chatSocket(RunningServer server, TestUser user, String path) {
        SocketClient socket = SocketClient.open(server, user, path);
        socket.next("history");
        return socket;
    }

    /** The socket was closed with this code and received no frame at all. */
    static void assertClosedWithoutFrames(SocketClient socket, int code, String what) {
        assertEquals(code, socket.closeCode(), what);
        assertEquals(List.of(), socket.drain(), what);
    }

    /** None of these sockets received anything: the first is watched for {@link #QUIET}, the rest checked after. */
    static void assertSilent(SocketClient... sockets) {
        sockets[0].expectSilence(QUIET);
        Arrays.stream(sockets).skip(1).forEach(socket -> assertEquals(List.of(), socket.drain()));
    }
}
