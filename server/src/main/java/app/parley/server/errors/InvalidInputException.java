package app.parley.server.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/** The request is malformed or breaks a limit (400). {@code field} names the input at fault. */
public final class InvalidInputException extends ParleyException {
    private final @Nullable String field;

    public InvalidInputException(@Nullable String field, String message) {
        super(HttpStatus.BAD_REQUEST, "invalid_input", message);
        this.field = field;
    }

    @Override
    public @Nullable String field() {
        return field;
    }
}
