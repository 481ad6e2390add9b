package app.parley.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OpenAI-compatible {@code /chat/completions} endpoint for a reply, streamed as
 * server-sent events ({@code data: {...}} lines, ending with {@code data: [DONE]}); an endpoint
 * that answers with one JSON body instead is read as well. The whole reply must arrive within
 * the request timeout: at the deadline the stream is closed.
 */
@Singleton
class ChatCompletionsClient {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsClient.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final TaskScheduler scheduler;

    ChatCompletionsClient(ObjectMapper json, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.json = json;
        this.scheduler = scheduler;
    }

    /** The reply's text; {@code onText} hears the text so far after each piece that arrives. */
    String complete(AgentSettings settings, List<ChatTurn> turns, Consumer<String> onText) throws AgentFailure {
        Duration timeout = settings.requestTimeout();
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(completionsUri(settings.endpoint()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream, application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(settings, turns)));
            if (settings.hasApiKey()) {
                request.header("Authorization", "Bearer " + settings.apiKey().strip());
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("parley.agent.endpoint is not a usable http(s) URL: {}", settings.endpoint());
            throw new AgentFailure("the server's agent endpoint setting is not a valid http(s) URL");
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AgentFailure("the model server did not answer within " + seconds(timeout));
        } catch (IOException e) {
            LOG.warn("The model server at {} could not be reached: {}", settings.endpoint(), e.toString());
            throw new AgentFailure("the model server could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentFailure("the server is stopping");
        }
        // The whole reply, not just its first byte, must come within the timeout, counted from the request.
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        ScheduledFuture<?> deadline = scheduler.schedule(left, () -> {
            timedOut.set(true);
            closeQuietly(response.body());
        });
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                LOG.warn("The model server at {} answered HTTP {}", settings.endpoint(), response.statusCode());
                throw new AgentFailure("the model server answered with an error (HTTP " + response.statusCode() + ")");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String text = contentType.startsWith("text/event-stream") ? readStream(body, onText) : readWhole(body);
            if (text.isBlank()) {
                throw new AgentFailure("the model server sent an empty reply");
            }
            return text.strip();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new AgentFailure("the model server did not finish its reply within " + seconds(timeout));
            }
            LOG.warn("The reply from the model server at {} broke off: {}", settings.endpoint(), e.toString());
            throw new AgentFailure("the model server's reply broke off");
        } finally {
            deadline.cancel(false);
        }
    }

    private String readStream(InputStream body, Consumer<String> onText) throws IOException, AgentFailure {
        StringBuilder text = new StringBuilder();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.startsWith("data:")) {
                continue; // comments, event names, keep-alives and the blank lines between events
            }
            String data = line.substring("data:".length()).strip();
            if (data.equals("[DONE]")) {
                break;
            }
            JsonNode event = parse(data);
            failIfError(event);
            JsonNode choice = event.path("choices").path(0);
            String piece = choice.path("delta")
                    .path("content")
                    .asText(choice.path("message").path("content").asText(""));
            if (!piece.isEmpty()) {
                text.append(piece);
                onText.accept(text.toString());
            }
        }
        return text.toString();
    }

    private String readWhole(InputStream body) throws IOException, AgentFailure {
        JsonNode answer = parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        failIfError(answer);
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new AgentFailure("the model server's answer could not be read");
        }
        return content.asText();
    }

    private JsonNode parse(String data) throws AgentFailure {
        try {
            JsonNode node = json.readTree(data);
            if (node == null || !node.isObject()) {
                throw new AgentFailure("the model server's answer could not be read");
            }
            return node;
        } catch (IOException e) {
            throw new AgentFailure("the model server's answer could not be read");
        }
    }

    private static void failIfError(JsonNode event) throws AgentFailure {
        if (event.hasNonNull("error")) {
            throw new AgentFailure("the model server reported an error");
        }
    }

    private String body(AgentSettings settings, List<ChatTurn> turns) {
        ObjectNode body = json.createObjectNode().put("model", settings.model()).put("stream", true);
        var messages = body.putArray("messages");
        for (ChatTurn turn : turns) {
            messages.addObject().put("role", turn.role()).put("content", turn.content());
        }
        return body.toString();
    }

    private static URI completionsUri(String endpoint) {
        String base = endpoint.strip();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return URI.create(
                base.endsWith("/chat/completions")
                        ? base
                        : (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    private static String seconds(Duration timeout) {
        return timeout.toSeconds() + " s";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The reading side sees the stream end and reports the timeout.
        }
    }

    @PreDestroy
    void close() {
        http.shutdownNow();
    }
}
