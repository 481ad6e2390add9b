package app.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (java.net.http) that keeps every text frame it receives, in order, and
 * the close code the server sent, for tests to wait on. {@code delivered} receipts are left out
 * unless a test asks for them ({@link #keepDeliveredFrames()}): the server sends them debounced,
 * at a moment of its choosing, so they would interleave with the frames other tests are about.
 */
public final class SocketClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile boolean keepDelivered;

    private SocketClient(URI uri, String bearer) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        this.socket = builder.buildAsync(uri, new Listener())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Opens {@code ws://localhost:port/path} with the token in the Authorization header. */
    public static SocketClient open(int port, String path, String token) {
        return new SocketClient(URI.create("ws://localhost:" + port + path), token);
    }

    /** Opens a socket with no header (the token, if any, is in the path's query). */
    public static SocketClient openWithoutHeader(int port, String path) {
        return new SocketClient(URI.create("ws://localhost:" + port + path), null);
    }

    /** Opens a socket for a user on a path. */
    public static SocketClient open(RunningServer server, TestUser user, String path) {
        return open(server.port(), path, user.api().token());
    }

    /** From now on this socket keeps the {@code delivered} frames it receives too. */
    public SocketClient keepDeliveredFrames() {
        keepDelivered = true;
        return this;
    }

    /** The HTTP status of a refused handshake. */
    public static int refusedStatus(int port, String path, String token) {
        try {
            open(port, path, token).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        return fail("the handshake for " + path + " was accepted");
    }

    public void send(Map<String, ?> frame) {
        try {
            sendText(JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void sendText(String text) {
        socket.sendText(text, true)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** The next frame, whatever it is. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(frame, "no frame within " + WAIT);
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame, which must be of the given type. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        assertEquals(type, frame.path("type").asText(), () -> "expected a " + type + " frame, got " + frame);
        return frame;
    }

    /** Skips frames until one matches (frames skipped are lost). */
    public JsonNode nextMatching(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
                if (frame != null) {
                    skipped.add(frame);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return fail("no matching frame within " + WAIT + "; skipped " + skipped);
    }

    /** Frames received and not yet taken, left in place (see {@link Sockets#assertSilent}). */
    public List<JsonNode> waiting() {
        return List.copyOf(frames);
    }

    /** Frames received and not yet taken. */
    public List<JsonNode> drain() {
        List<JsonNode> taken = new ArrayList<>();
        frames.drainTo(taken);
        return taken;
    }

    /** The close code the server sent; waits for it. */
    public int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    if (keepDelivered || !"delivered".equals(frame.path("type").asText())) {
                        frames.add(frame);
                    }
                } catch (JsonProcessingException e) {
                    frames.add(JSON.getNodeFactory().textNode("not JSON: " + partial));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
