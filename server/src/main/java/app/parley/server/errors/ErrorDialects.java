package app.parley.server.errors;

import app.parley.model.common.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.List;

/** Picks the dialect that writes a request's errors, and writes them. */
@Singleton
public class ErrorDialects {
    private final List<ErrorDialect> dialects;

    public ErrorDialects(List<ErrorDialect> dialects) {
        this.dialects = dialects;
    }

    public MutableHttpResponse<Object> response(
            String path, HttpStatus status, String code, String message, @Nullable String field) {
        ErrorDialect dialect = forPath(path);
        HttpStatus shown = dialect == null ? status : dialect.status(status, code);
        Object body = dialect == null
                ? ErrorBody.of(shown.getCode(), code, message, field)
                : dialect.body(shown, code, message, field);
        return HttpResponse.status(shown).body(body);
    }

    public MutableHttpResponse<Object> response(String path, ParleyException refusal) {
        MutableHttpResponse<Object> response =
                response(path, refusal.status(), refusal.code(), refusal.getMessage(), refusal.field());
        if (refusal instanceof TooManyRequestsException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return response;
    }

    private @Nullable ErrorDialect forPath(String path) {
        for (ErrorDialect dialect : dialects) {
            if (dialect.owns(path)) {
                return dialect;
            }
        }
        return null;
    }
}
