package app.parley.server.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.core.ThrowingRunnable;

/**
 * The realtime test fixture: sockets opened the way a client opens them and waited for until the
 * server is ready to deliver to them, and the check that a socket was sent nothing. Frames are
 * expected with {@link SocketClient#next()} and its variants, which wait up to
 * {@link SocketClient#WAIT}.
 */
public final class Sockets {
    /** The main socket: notifications from every chat of its user. */
    public static final String MAIN = "/api/v1/main";

    /**
     * How long a socket is watched to count as having been sent nothing. A frame the server sends
     * comes within milliseconds of what caused it; 300 ms is the margin for a busy machine.
     */
    public static final Duration SILENCE = Duration.ofMillis(300);

    private static final AtomicInteger PROBES = new AtomicInteger();

    private Sockets() {}

    /**
     * A socket on a chat path (any of {@code /api/v1/chat/…}, {@code /api/v1/group/…},
     * {@code /ws/chat/…/}) whose opening history frame has been read. The server registers a chat
     * socket for live frames before it sends the history, so from here on the socket receives
     * every live frame.
     */
    public static SocketClient openChat(RunningServer server, TestUser user, String path) {
        SocketClient socket = SocketClient.open(server, user, path);
        socket.next("history");
        return socket;
    }

    /** {@link #openChat(RunningServer, TestUser, String)} on {@code /api/v1/chat/{chatId}}. */
    public static SocketClient openChat(RunningServer server, TestUser user, long chatId) {
        return openChat(server, user, "/api/v1/chat/" + chatId);
    }

    /** A main socket of the user that is ready (see {@link #awaitReady}). */
    public static SocketClient openMain(RunningServer server, TestUser user) {
        return awaitReady(SocketClient.open(server, user, MAIN));
    }

    /**
     * A main socket opened while notifications may already be flowing to the user: frames that
     * come before the readiness probe's answer are skipped.
     */
    public static SocketClient openMainSkipping(RunningServer server, TestUser user) {
        SocketClient main = SocketClient.open(server, user, MAIN);
        String probe = sendProbe(main);
        assertProbeAnswer(
                answer(
                        probe,
                        () -> main.nextMatching(frame ->
                                probe.equals(frame.path("client_msg_id").asText()))),
                probe);
        return main;
    }

    /**
     * Waits until a just opened main socket is registered for notifications. It sends nothing when
     * it opens, but it handles frames only once its opening is done, in order: so one probe is
     * sent, a {@code message} frame without the {@code chat_id} a main socket needs, which is
     * refused with an error echoing its {@code client_msg_id} and changes nothing. Its answer must
     * be the socket's first frame. The probe is sent once: a frame sent right after the handshake
     * must never be lost, so an unanswered probe is a failure, not a reason to probe again.
     */
    public static SocketClient awaitReady(SocketClient main) {
        String probe = sendProbe(main);
        assertProbeAnswer(answer(probe, main::next), probe);
        return main;
    }

    private static JsonNode answer(String probe, Supplier<JsonNode> next) {
        try {
            return next.get();
        } catch (AssertionError unanswered) {
            throw new AssertionError(
                    "the main socket never answered the readiness probe " + probe + " (within " + SocketClient.WAIT
                            + "): a frame sent right after the handshake was lost",
                    unanswered);
        }
    }

    private static String sendProbe(SocketClient main) {
        String probe = "ready-probe-" + PROBES.incrementAndGet();
        main.send(Map.of("type", "message", "text", "probe", "client_msg_id", probe));
        return probe;
    }

    private static void assertProbeAnswer(JsonNode answer, String probe) {
        Set<String> keys = new TreeSet<>();
        answer.fieldNames().forEachRemaining(keys::add);
        String what = "the answer to the readiness probe " + probe + ": " + answer;
        assertEquals(new TreeSet<>(Set.of("type", "code", "message", "field", "client_msg_id")), keys, what);
        assertEquals("error", answer.get("type").asText(), what);
        assertEquals("invalid_input", answer.get("code").asText(), what);
        assertEquals("chat_id", answer.get("field").asText(), what);
        assertEquals(probe, answer.get("client_msg_id").asText(), what);
        assertTrue(!answer.get("message").asText().isBlank(), what);
    }

    /** None of the sockets receives a frame while they are watched for {@link #SILENCE}, nor holds one already. */
    public static void assertSilent(SocketClient... sockets) {
        assertSilentFor(SILENCE, sockets);
    }

    /**
     * None of the sockets receives a frame for the whole of {@code window}, nor holds one already.
     * Fails as soon as one does, naming the frames.
     */
    public static void assertSilentFor(Duration window, SocketClient... sockets) {
        ThrowingRunnable nothingReceived =
                () -> assertEquals(List.of(), waitingOn(sockets), "frames on sockets that should stay silent");
        await("silence on " + sockets.length + " socket(s) for " + window)
                .pollInterval(Duration.ofMillis(10))
                .during(window)
                .atMost(window.plusSeconds(1))
                .failFast("a socket that should stay silent received a frame", nothingReceived)
                .untilAsserted(nothingReceived);
    }

    private static List<JsonNode> waitingOn(SocketClient... sockets) {
        List<JsonNode> frames = new ArrayList<>();
        for (SocketClient socket : sockets) {
            frames.addAll(socket.waiting());
        }
        return frames;
    }
}
