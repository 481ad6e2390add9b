package app.parley.server.common;

import app.parley.server.errors.InvalidInputException;
import java.util.UUID;

/**
 * An entity reference as a client wrote it: an integer id or a UUID. Every entity is reachable
 * by either, because seed dialects show one or the other.
 */
public sealed interface IdRef {
    record Numeric(long id) implements IdRef {
        @Override
        public String display() {
            return String.valueOf(id);
        }
    }

    record Uuid(UUID uuid) implements IdRef {
        @Override
        public String display() {
            return uuid.toString();
        }
    }

    /** The reference as the client wrote it, for error messages. */
    String display();

    /** Parses a path segment or a JSON value (number or string); {@code field} names it in errors. */
    static IdRef parse(Object raw, String field) {
        if (raw instanceof Number number) {
            // Only whole numbers that fit: a BigInteger would wrap round and name someone else.
            if (!(number instanceof Integer || number instanceof Long) || number.longValue() <= 0) {
                throw new InvalidInputException(field, field + " must be a positive integer or a UUID");
            }
            return new Numeric(number.longValue());
        }
        if (raw instanceof String text) {
            String trimmed = text.trim();
            if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 18) {
                return parse(Long.parseLong(trimmed), field);
            }
            try {
                return new Uuid(UUID.fromString(trimmed));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        field, field + " must be a positive integer or a UUID, got '" + abbreviate(trimmed) + "'");
            }
        }
        throw new InvalidInputException(field, field + " is required (a positive integer or a UUID)");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
