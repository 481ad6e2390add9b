package app.parley.model.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * What a JSON field that references an entity holds: an {@link IdRef} (an integer or a UUID
 * string), or {@link Invalid}, whatever else a client wrote there.
 *
 * <p>Reading never fails on a bad id. The server refuses it where it checks the rest of the
 * request, so the request's other refusals keep their order (a non-owner still gets 403 before
 * a bad member id gets 400, a bad name is still reported before a bad user id) and the refusal
 * names the field as the API documents it.
 */
public sealed interface IdValue permits IdRef, IdValue.Invalid {

    /** The JSON value: a number, a string, or for {@link Invalid} what the client wrote. */
    @JsonValue
    Object json();

    /**
     * Reads a number or a string as a reference; null stays null. A string of digits is an
     * integer id, as in a URL path.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IdValue from(Object written) {
        if (written == null) {
            return null;
        }
        if (written instanceof Number number) {
            // Only whole numbers that fit: a BigInteger would wrap round and name someone else.
            return (number instanceof Integer || number instanceof Long) && number.longValue() > 0
                    ? new IdRef.Numeric(number.longValue())
                    : new Invalid(written);
        }
        if (written instanceof String text) {
            String trimmed = text.trim();
            if (Invalid.isDigits(trimmed)) {
                long id = Long.parseLong(trimmed);
                return id > 0 ? new IdRef.Numeric(id) : new Invalid(written);
            }
            try {
                return new IdRef.Uuid(UUID.fromString(trimmed));
            } catch (IllegalArgumentException e) {
                return new Invalid(written);
            }
        }
        return new Invalid(written);
    }

    /**
     * A value that names no entity: a fraction, zero, a negative or too large number, text that
     * is neither digits nor a UUID, or no scalar at all. Kept as read, so that the refusal can
     * quote it.
     */
    record Invalid(Object written) implements IdValue {

        @Override
        public Object json() {
            return written;
        }

        /** Why it names nothing, worded to follow the field's name ({@code "users.id " + reason()}). */
        public String reason() {
            if (written instanceof Number) {
                return "must be a positive integer or a UUID";
            }
            if (written instanceof String text) {
                String trimmed = text.trim();
                return isDigits(trimmed)
                        ? "must be a positive integer or a UUID"
                        : "must be a positive integer or a UUID, got '" + abbreviate(trimmed) + "'";
            }
            return "is required (a positive integer or a UUID)";
        }

        /** Digits that fit a long; longer runs are refused as text rather than wrapping round. */
        private static boolean isDigits(String text) {
            return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit);
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }
}
