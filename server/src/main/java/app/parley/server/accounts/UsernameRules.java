package app.parley.server.accounts;

import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a username may be: letters (any script, so Cyrillic names work), digits, '.', '_' and
 * '-', starting with a letter or digit. Uniqueness ignores case.
 */
final class UsernameRules {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}._-]*");

    private UsernameRules() {}

    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    static String validate(String raw, ParleyLimits limits) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("username", "username is required");
        }
        String username = raw.strip();
        int length = username.codePointCount(0, username.length());
        if (length < limits.usernameMin() || length > limits.usernameMax()) {
            throw new InvalidInputException("username", "username must be %d to %d characters long"
                    .formatted(limits.usernameMin(), limits.usernameMax()));
        }
        if (!ALLOWED.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "username may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit");
        }
        return username;
    }
}
