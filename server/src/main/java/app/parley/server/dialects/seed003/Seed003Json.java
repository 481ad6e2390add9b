package app.parley.server.dialects.seed003;

import java.time.Instant;

/** The JSON bodies of seed 003, with the document's own field names (snake_case on the wire). */
public final class Seed003Json {
    private Seed003Json() {}

    /** {@code POST /register} and {@code POST /login}. */
    public record Credentials(String username, String password) {}

    /** {@code POST /chats/{user_name}/messages}. */
    public record NewMessage(String message) {}

    /** {@code 201} of {@code POST /register}. */
    public record Registered(String message) {
        static final Registered OK = new Registered("User registered successfully");
    }

    /** {@code 200} of {@code POST /login}. */
    public record Token(String token) {}

    /** One chat of {@code GET /chats}, and the {@code 201} of {@code POST /chat/{user_name}}. */
    public record ChatEntry(long chatId, String user) {}

    /** The {@code 201} of {@code POST /chats/{user_name}/messages} (the document shows no body). */
    public record SentMessage(long messageId, long chatId, String sender, String message, Instant timestamp) {}

    /** One message of {@code GET /chats/messages/{user_name}}. */
    public record MessageEntry(String sender, String message) {}

    /** Every error of the dialect. */
    public record Error(String error) {}
}
