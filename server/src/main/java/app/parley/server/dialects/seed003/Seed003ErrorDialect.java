package app.parley.server.dialects.seed003;

import app.parley.server.errors.ErrorDialect;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * Seed 003 writes every error as {@code {"error": "..."}}. It owns {@code /register},
 * {@code /login}, {@code /chats}, {@code /chats/**} and {@code /chat/**}, with or without a
 * trailing slash, and nothing else (never {@code /api/...}, nor seed 000's {@code /chat_...}).
 */
@Singleton
public class Seed003ErrorDialect implements ErrorDialect {

    @Override
    public boolean owns(String path) {
        if (path == null) {
            return false;
        }
        return exactly(path, "/register")
                || exactly(path, "/login")
                || exactly(path, "/chats")
                || path.startsWith("/chats/")
                || exactly(path, "/chat")
                || path.startsWith("/chat/");
    }

    /**
     * The document knows no 409 and no 413: a taken username is "400 — username already
     * exists", and an oversized request is invalid data like any other.
     */
    @Override
    public HttpStatus status(HttpStatus status, String code) {
        return status == HttpStatus.CONFLICT || status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
                ? HttpStatus.BAD_REQUEST
                : status;
    }

    @Override
    public Object body(HttpStatus status, String code, String message, @Nullable String field) {
        return new Seed003Json.Error(message);
    }

    private static boolean exactly(String path, String root) {
        return path.equals(root) || path.equals(root + "/");
    }
}
