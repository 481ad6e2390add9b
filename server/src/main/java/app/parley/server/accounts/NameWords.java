package app.parley.server.accounts;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The words of a display name as search compares them: NFKC, lower case, split at anything not a letter or digit. */
final class NameWords {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameWords() {}

    static Stream<String> of(String name) {
        if (name == null || name.isBlank()) {
            return Stream.empty();
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(folded)).filter(word -> !word.isEmpty());
    }
}
