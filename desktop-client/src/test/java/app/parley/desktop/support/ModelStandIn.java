package app.parley.desktop.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for the language model the AI agent talks to (an OpenAI-compatible
 * {@code POST /v1/chat/completions} streaming server-sent events): it streams the given pieces,
 * pausing between them long enough for the server to forward each as an {@code agent_reply}.
 */
public final class ModelStandIn implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> pieces;
    private final long pauseMillis;

    private ModelStandIn(List<String> pieces, long pauseMillis) {
        this.pieces = List.copyOf(pieces);
        this.pauseMillis = pauseMillis;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", this::answer);
        http.setExecutor(threads);
        http.start();
    }

    public static ModelStandIn streaming(List<String> pieces, long pauseMillis) {
        return new ModelStandIn(pieces, pauseMillis);
    }

    /** The base URL for {@code parley.agent.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : pieces) {
                String chunk = "{\"choices\":[{\"delta\":{\"content\":\"" + piece + "\"}}]}";
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(pauseMillis);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
