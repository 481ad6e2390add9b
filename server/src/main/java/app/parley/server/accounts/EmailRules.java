package app.parley.server.accounts;

import app.parley.server.errors.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses as Parley keeps them: optional, one '@' with something on both sides and no
 * spaces, at most 254 characters. Nothing is sent to them, so nothing more is checked.
 */
final class EmailRules {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MAX = 254;

    private EmailRules() {}

    static @Nullable String validate(@Nullable String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX || !SHAPE.matcher(trimmed).matches()) {
            throw new InvalidInputException(
                    "email", "email must look like name@example.com (at most " + MAX + " characters)");
        }
        return trimmed;
    }

    static @Nullable String key(@Nullable String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
