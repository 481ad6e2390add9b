package app.parley.server.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.annotation.Nullable;

/**
 * A JSON string holding half of a UTF-16 surrogate pair ({@code "\ud800"}): valid JSON syntax,
 * but no Unicode text, so it is refused as the input of its field rather than stored as '?'.
 */
public final class UnpairedSurrogateException extends JsonParseException {
    private final @Nullable String field;

    public UnpairedSurrogateException(JsonParser parser, @Nullable String field) {
        super(
                parser,
                (field == null ? "a string" : field) + " contains an unpaired surrogate (half of a UTF-16 pair), "
                        + "which is not Unicode text");
        this.field = field;
    }

    /** The JSON path of the string, e.g. {@code users[0].name}; null for a bare string. */
    public @Nullable String field() {
        return field;
    }
}
