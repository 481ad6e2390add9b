package app.parley.server.mentions;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code @username} in a message's text, with the rules of usernames (letters of any
 * script, digits, {@code .} {@code _} {@code -}, starting with a letter or digit). An {@code @}
 * inside a word (an e-mail address) is not a mention, and a name followed by punctuation
 * ({@code @anna.} at the end of a sentence) is tried without it too.
 */
final class MentionParser {
    static final String ALL = "all";
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{M}\\p{Nd}_.@-])@([\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}._-]{0,63})");

    private MentionParser() {}

    /** The names written after {@code @}, as written, in the order they first appear (at most {@code max}). */
    static Set<String> namesIn(String text, int max) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null || text.indexOf('@') < 0) {
            return names;
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find() && names.size() < max) {
            String name = matcher.group(1);
            names.add(name);
            String trimmed = name.replaceAll("[._-]+$", "");
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return names;
    }
}
