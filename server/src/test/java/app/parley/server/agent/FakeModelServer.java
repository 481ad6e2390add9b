package app.parley.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an OpenAI-compatible model server ({@code POST /v1/chat/completions}) on a
 * random loopback port, built on the JDK's own HTTP server. What it answers is scripted per
 * request: the first script whose trigger occurs in the request's last message is used (once),
 * otherwise it streams {@code "You said: " + last message}. It records every request (parsed
 * body, Authorization header, path, when it came) and how many were being answered at once.
 */
final class FakeModelServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The pause between streamed chunks: longer than the server's 150 ms between partial frames. */
    static final Duration CHUNK_GAP = Duration.ofMillis(200);

    /** One request as the fake received it. */
    record Request(
            String method, String path, String authorization, String contentType, JsonNode body, long receivedNanos) {
        JsonNode messages() {
            return body.path("messages");
        }

        /** The content of the last message (the one the reply is for). */
        String lastContent() {
            JsonNode messages = messages();
            return messages.isArray() && !messages.isEmpty()
                    ? messages.get(messages.size() - 1).path("content").asText()
                    : "";
        }
    }

    /** How the fake answers one request. */
    @FunctionalInterface
    interface Reply {
        void answer(HttpExchange exchange, Request request) throws IOException, InterruptedException;
    }

    private record Script(String trigger, Reply reply) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile HttpServer http;
    private volatile int port;

    /** Starts on a free port. */
    static FakeModelServer start() {
        FakeModelServer fake = new FakeModelServer();
        fake.listen(0);
        return fake;
    }

    private void listen(int onPort) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
            server.createContext("/", this::handle);
            server.setExecutor(threads);
            server.start();
            http = server;
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL a Parley server is configured with ({@code /chat/completions} is added by it). */
    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    int port() {
        return port;
    }

    /** Stops listening: connections to the port are refused until {@link #restart()}. */
    void stop() {
        http.stop(0);
    }

    /** Listens again on the same port. */
    void restart() {
        listen(port);
    }

    /** The next request whose last message contains {@code trigger} is answered with {@code reply}. */
    FakeModelServer when(String trigger, Reply reply) {
        scripts.add(new Script(trigger, reply));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose last message contains the text. */
    List<Request> requestsFor(String trigger) {
        return requests.stream()
                .filter(request -> request.lastContent().contains(trigger))
                .toList();
    }

    /** The requests with a message (any, not only the last) that contains the text. */
    List<Request> requestsMentioning(String text) {
        return requests.stream()
                .filter(request -> {
                    for (JsonNode message : request.messages()) {
                        if (message.path("content").asText().contains(text)) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
    }

    /** The most requests that were being answered at the same time since {@link #resetPeak()}. */
    int peakConcurrency() {
        return peak.get();
    }

    void resetPeak() {
        peak.set(inFlight.get());
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body == null ? MissingNode.getInstance() : body,
                    System.nanoTime());
            requests.add(request);
            Reply reply = scriptFor(request);
            reply.answer(exchange, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (it gave up at its timeout): nothing to answer.
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply scriptFor(Request request) {
        String last = request.lastContent();
        for (Script script : scripts) {
            if (last.contains(script.trigger()) && scripts.remove(script)) {
                return script.reply();
            }
        }
        return streaming("You said: ", request.lastContent());
    }

    // --- replies ---------------------------------------------------------------------------------

    /** Server-sent events: a role chunk, one chunk per piece {@link #CHUNK_GAP} apart, then [DONE]. */
    static Reply streaming(String... pieces) {
        return streamingAfter(Duration.ZERO, List.of(pieces), Duration.ZERO);
    }

    /**
     * Waits {@code beforeHeaders} before answering at all, streams the pieces, then waits
     * {@code stallAtEnd} before {@code [DONE]}.
     */
    static Reply streamingAfter(Duration beforeHeaders, List<String> pieces, Duration stallAtEnd) {
        return (exchange, request) -> {
            Thread.sleep(beforeHeaders);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            ObjectNode role = chunk(null);
            ((ObjectNode) role.get("choices").get(0).get("delta"))
                    .put("role", "assistant")
                    .put("content", "");
            event(out, role.toString());
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    Thread.sleep(CHUNK_GAP);
                }
                event(out, chunk(pieces.get(i)).toString());
            }
            Thread.sleep(stallAtEnd);
            ObjectNode finish = chunk(null);
            ((ObjectNode) finish.get("choices").get(0)).put("finish_reason", "stop");
            event(out, finish.toString());
            event(out, "[DONE]");
        };
    }

    /** One JSON answer, as an endpoint that does not stream gives it. */
    static Reply whole(String content) {
        ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion");
        answer.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("message")
                .put("role", "assistant")
                .put("content", content);
        return raw(200, "application/json", answer.toString());
    }

    /** Any status, content type and body. */
    static Reply raw(int status, String contentType, String body) {
        return (exchange, request) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        };
    }

    /** A streamed body whose events are the given raw {@code data:} payloads, as they are. */
    static Reply rawEvents(String... payloads) {
        return (exchange, request) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            for (String payload : payloads) {
                event(exchange.getResponseBody(), payload);
            }
        };
    }

    /** Waits, then answers as {@code then} does. */
    static Reply delayed(Duration delay, Reply then) {
        return (exchange, request) -> {
            Thread.sleep(delay);
            then.answer(exchange, request);
        };
    }

    /** An OpenAI-style error body that, like some real ones, quotes the key it was sent. */
    static String errorQuoting(Request request) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error")
                .put("message", "Incorrect API key provided: " + request.authorization())
                .put("type", "invalid_request_error");
        return error.toString();
    }

    /** Echoes the Authorization header back with the given status, as an error body. */
    static Reply errorEchoingKey(int status) {
        return (exchange, request) ->
                raw(status, "application/json", errorQuoting(request)).answer(exchange, request);
    }

    private static ObjectNode chunk(String content) {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("model", "fake");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        choice.putNull("finish_reason");
        return chunk;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The parsed messages of a request as role/content pairs, for whole-value comparison. */
    static List<Map<String, String>> turns(Request request) {
        List<Map<String, String>> turns = new ArrayList<>();
        for (JsonNode message : request.messages()) {
            turns.add(Map.of(
                    "role",
                    message.path("role").asText(),
                    "content",
                    message.path("content").asText()));
        }
        return turns;
    }
}
