package app.parley.desktop.net;

import app.parley.model.event.ServerEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to a Parley server that stays connected: after a drop it reconnects with
 * exponential backoff and jitter (so that a restarted server is not hit by every client at once),
 * asking {@code target} for the path each time (a chat socket adds {@code after_id} of the last
 * message it has, and catches up from there). The server's final close codes end it for good.
 */
public final class RealtimeSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeSocket.class);
    /** Close codes after which reconnecting cannot help (docs/api.md, "Close codes"). */
    private static final Set<Integer> FINAL_CODES = Set.of(4400, 4401, 4403, 4404, 4410);

    private final HttpClient http;
    private final ObjectMapper json;
    private final ServerAddress server;
    private final String token;
    private final Supplier<String> target;
    private final RealtimeListener listener;
    private final RetryPolicy<WebSocket> reconnect;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private boolean closed;

    public RealtimeSocket(
            HttpClient http,
            ObjectMapper json,
            ApiClient api,
            Supplier<String> target,
            RealtimeListener listener,
            ScheduledExecutorService scheduler,
            Duration firstDelay,
            Duration maxDelay) {
        this.http = http;
        this.json = json;
        this.server = api.server();
        this.token = api.token();
        this.target = target;
        this.listener = listener;
        this.scheduler = scheduler;
        this.reconnect = RetryPolicy.<WebSocket>builder()
                .handleIf(failure -> !isClosed() && !(sessionRefused(failure)))
                .withBackoff(firstDelay, maxDelay)
                .withJitter(0.3)
                .withMaxRetries(-1)
                .build();
    }

    /** Opens the socket; failures to connect are retried until {@link #close()}. */
    public void start() {
        connect();
    }

    /** Sends a frame if the socket is open; false when it is not (the caller keeps it for later). */
    public boolean send(Object frame) {
        String text;
        try {
            text = json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the frame " + frame, e);
        }
        synchronized (lock) {
            WebSocket open = socket;
            if (open == null || open.isOutputClosed()) {
                return false;
            }
            // java.net.http allows one outstanding send at a time: chain them.
            sending = sending.handle((ignored, failure) -> null).thenCompose(ignored -> open.sendText(text, true));
            return true;
        }
    }

    public boolean isOpen() {
        synchronized (lock) {
            return socket != null && !socket.isOutputClosed();
        }
    }

    @Override
    public void close() {
        WebSocket open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = socket;
            socket = null;
        }
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
            open.abort();
        }
        listener.ended(WebSocket.NORMAL_CLOSURE);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void connect() {
        Failsafe.with(reconnect).with(scheduler).getStageAsync(this::openOnce).whenComplete((open, failure) -> {
            if (failure != null && !isClosed()) {
                if (sessionRefused(failure)) {
                    end(RealtimeListener.SESSION_ENDED);
                } else {
                    LOG.warn("Giving up on the socket to {}: {}", server.display(), failure.toString());
                }
            }
        });
    }

    private CompletionStage<WebSocket> openOnce() {
        if (isClosed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        }
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(server.socket(target.get()), new Frames())
                .thenApply(open -> {
                    boolean keep;
                    synchronized (lock) {
                        keep = !closed;
                        if (keep) {
                            socket = open;
                            sending = CompletableFuture.completedFuture(null);
                        }
                    }
                    if (!keep) {
                        open.abort();
                    }
                    return open;
                });
    }

    private static boolean sessionRefused(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof WebSocketHandshakeException handshake
                && handshake.getResponse().statusCode() == 401;
    }

    private void dropped(WebSocket which) {
        synchronized (lock) {
            if (closed || socket != which) {
                return;
            }
            socket = null;
        }
        listener.disconnected();
        connect();
    }

    private void end(int code) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            socket = null;
        }
        listener.ended(code);
    }

    /** Reads whole text messages (the server may split one into several frames) and reports them. */
    private final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            listener.connected();
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    listener.frame(json.readValue(text, ServerEvent.class));
                } catch (JsonProcessingException e) {
                    // A newer server's frame type, or a broken frame: this app cannot act on it.
                    LOG.warn(
                            "Ignoring a frame this app cannot read from {}: {}",
                            server.display(),
                            e.getOriginalMessage());
                } catch (RuntimeException e) {
                    LOG.error("A frame from {} could not be handled", server.display(), e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (FINAL_CODES.contains(statusCode)) {
                end(statusCode);
            } else {
                dropped(webSocket);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LOG.info("The socket to {} failed: {}", server.display(), error.toString());
            dropped(webSocket);
        }
    }
}
