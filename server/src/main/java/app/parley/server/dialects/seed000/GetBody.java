package app.parley.server.dialects.seed000;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Seed 000 sends JSON bodies with GET ({@code /status}, {@code /get_user_id}). Micronaut binds
 * {@code @Body} only for methods that permit a body, so this reads a GET's body itself, with the
 * application's JSON settings. A malformed or mistyped body is the framework's own
 * {@code 400 bad_request}, as it is on POST.
 */
@Singleton
class GetBody {
    private static final long READ_TIMEOUT_SECONDS = 30;
    private final ObjectMapper json;

    GetBody(ObjectMapper json) {
        this.json = json;
    }

    /** The body as {@code type}, or null when there is none. */
    <T> @Nullable T read(HttpRequest<?> request, Class<T> type) throws JsonSyntaxException {
        byte[] bytes = bytesOf(request);
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new JsonSyntaxException(e);
        }
    }

    private static byte[] bytesOf(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return request.getBody(byte[].class).orElse(new byte[0]);
        }
        try (CloseableAvailableByteBody body = server.byteBody().buffer().get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            return body.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException("the request body could not be read", e.getCause()));
        } catch (TimeoutException e) {
            throw new UncheckedIOException(new IOException("the request body did not arrive in time", e));
        }
    }
}
