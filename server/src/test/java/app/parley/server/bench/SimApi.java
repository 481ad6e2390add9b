package app.parley.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The canonical HTTP API as the simulated users call it: one {@link HttpClient} for all of them
 * (HTTP/1.1 keep-alive connections, pooled), each call timed into the current step's request
 * table under a label that names the route, not the ids in it.
 */
final class SimApi implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final ObjectMapper json = new ObjectMapper();
    private final StepMetrics.Board metrics;

    SimApi(URI base, Executor executor, StepMetrics.Board metrics) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
        this.base = base;
        this.metrics = metrics;
    }

    URI base() {
        return base;
    }

    JsonNode get(String label, String token, String path) {
        return call(label, request(token, path).GET());
    }

    JsonNode post(String label, String token, String path, Object body) {
        HttpRequest.Builder request = request(token, path);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return call(label, request);
    }

    /** {@code multipart/form-data} with the file in the part {@code file}, as {@code POST …/files/} takes it. */
    JsonNode upload(String label, String token, String path, String fileName, String contentType, byte[] content) {
        String boundary = "ParleyLoadSim" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return call(
                label,
                request(token, path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofByteArray(head),
                                HttpRequest.BodyPublishers.ofByteArray(content),
                                HttpRequest.BodyPublishers.ofByteArray(tail))));
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private JsonNode call(String label, HttpRequest.Builder request) {
        LatencySamples samples = metrics.current().request(label);
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            samples.error("timeout");
            throw new ActionFailure(label + ": timeout after " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            samples.error(e.getClass().getSimpleName());
            throw new ActionFailure(label + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailure(label + ": interrupted");
        }
        long nanos = System.nanoTime() - start;
        int status = response.statusCode();
        if (status / 100 != 2) {
            String reason = status + " " + code(response.body());
            samples.error(reason);
            throw new ActionFailure(label + ": " + reason);
        }
        samples.record(nanos);
        return read(response.body());
    }

    private String code(String body) {
        try {
            JsonNode code = json.readTree(body).get("code");
            return code == null ? "" : code.asText();
        } catch (IOException e) {
            return "";
        }
    }

    JsonNode read(String body) {
        try {
            return body.isEmpty() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new ActionFailure("unreadable JSON: " + e.getMessage());
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
