package app.parley.server.dialects.seed004;

import app.parley.server.errors.ErrorDialect;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Seed 004's error shape, {@code {"error": {"message": "...", "status": 400}}}, for every refusal
 * on its paths (the framework's own 400/401/404/405 included). The status stays Parley's.
 * The canonical {@code /api/v1} is not among them.
 */
@Singleton
class Seed004Errors implements ErrorDialect {
    private static final List<String> ROOTS = List.of("/api/auth", "/api/conversations", "/api/messages", "/api/users");

    @Override
    public boolean owns(String path) {
        if (path == null) {
            return false;
        }
        for (String root : ROOTS) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object body(HttpStatus status, String code, String message, @Nullable String field) {
        return new Seed004Json.ErrorEnvelope(new Seed004Json.ErrorDetail(message, status.getCode()));
    }
}
