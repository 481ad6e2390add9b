package app.parley.server.common;

import app.parley.model.common.IdRef;
import app.parley.model.common.IdValue;
import app.parley.server.errors.InvalidInputException;
import io.micronaut.core.annotation.Nullable;

/**
 * Entity references from requests: a path segment, a raw JSON value, or a model field already
 * read as an {@link IdValue}. What names no entity is refused here (400), named by {@code field}.
 */
public final class IdRefs {
    private IdRefs() {}

    /** Parses a path segment or a JSON value (number or string); {@code field} names it in errors. */
    public static IdRef parse(@Nullable Object raw, String field) {
        return require(IdValue.from(raw), field);
    }

    /** The reference a model field holds; refused if it is missing or names nothing. */
    public static IdRef require(@Nullable IdValue value, String field) {
        return switch (value) {
            case IdRef ref -> ref;
            case IdValue.Invalid invalid -> throw new InvalidInputException(field, field + " " + invalid.reason());
            case null -> throw new InvalidInputException(field, field + " is required (a positive integer or a UUID)");
        };
    }
}
