package app.parley.server.dialects.seed000;

import app.parley.server.errors.ErrorDialect;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * Seed 000's errors, for its nine paths (with or without a trailing slash) and nothing else.
 * The document looks like a FastAPI app and only says that "error responses include a body with
 * details of the error": {@code {"detail", "code", "status", "field"?}}.
 *
 * <p>Statuses the document does not know are translated where it says what to answer instead:
 * a failed upload is {@code 400} (Parley's {@code 413}s), an invite that expired, was revoked,
 * is used up or whose group is full is {@code 400} ("404/400 for errors"). The code stays.
 */
@Singleton
class Seed000Errors implements ErrorDialect {
    static final Pattern PATHS = Pattern.compile(
            "/(create_chat|connect|upload_file|chat_generate_invite|chat_accept_invite|send_message|status|create_user|get_user_id)/?");

    @Override
    public boolean owns(String path) {
        return path != null && PATHS.matcher(path).matches();
    }

    @Override
    public HttpStatus status(HttpStatus status, String code) {
        return switch (status) {
            case REQUEST_ENTITY_TOO_LARGE, GONE -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> "group_full".equals(code) ? HttpStatus.BAD_REQUEST : status;
            default -> status;
        };
    }

    @Override
    public Object body(HttpStatus status, String code, String message, @Nullable String field) {
        return new Seed000Json.Error(message, code, status.getCode(), field);
    }
}
