package app.parley.server.accounts;

import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.InvalidInputException;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a username may be: letters (any script, so Cyrillic names work), digits, '.', '_' and
 * '-', starting with a letter or digit, kept in Unicode NFKC form (fullwidth 'ａｌｉｃｅ' is
 * 'alice'). Uniqueness ignores case ({@link #key}) and look-alikes ({@link #skeleton},
 * {@link #shownSkeleton}).
 */
final class UsernameRules {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}._-]*");
    /** Unicode TR39's confusables data; a built checker is immutable and safe to share. */
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    private UsernameRules() {}

    /** The form a username is stored and compared in: stripped, NFKC (compatibility forms folded). */
    static String normalize(String username) {
        return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC);
    }

    /** Equal for usernames that differ only in case or in compatibility forms. */
    static String key(String username) {
        return normalize(username).toLowerCase(Locale.ROOT);
    }

    /**
     * Equal for usernames a reader can take for one another ignoring case: TR39's confusable
     * skeleton of the lower-cased name, so neither 'аlice' (Cyrillic а) nor 'АLICE' passes for 'alice'.
     */
    static String skeleton(String username) {
        return CONFUSABLES.getSkeleton(key(username));
    }

    /**
     * Equal for usernames that look alike as shown, where case matters to the eye: the skeleton
     * of the name as written (capital I becomes l), then lower-cased and taken again, so that
     * 'parIey-ai' passes for neither 'parley-ai' nor 'Parley-AI'.
     */
    static String shownSkeleton(String username) {
        return CONFUSABLES.getSkeleton(
                CONFUSABLES.getSkeleton(normalize(username)).toLowerCase(Locale.ROOT));
    }

    static String validate(String raw, ParleyLimits limits) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("username", "username is required");
        }
        String username = normalize(raw);
        int length = username.codePointCount(0, username.length());
        if (length < limits.usernameMin() || length > limits.usernameMax()) {
            throw new InvalidInputException(
                    "username",
                    "username must be %d to %d characters long".formatted(limits.usernameMin(), limits.usernameMax()));
        }
        if (!ALLOWED.matcher(username).matches()) {
            throw new InvalidInputException(
                    "username",
                    "username may contain only letters, digits, '.', '_' and '-', and must start with a letter or"
                            + " digit");
        }
        return username;
    }
}
