package app.parley.desktop.chats;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a chat's name holds what was typed into the chat list's filter, the way people type:
 * case aside, "е" for "ё" (Russian mostly writes ё as е), and Latin letters without their
 * accents ("zoe" finds "Zoë").
 */
final class ChatNameFilter {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String needle;

    ChatNameFilter(String typed) {
        this.needle = typed == null ? "" : fold(typed.strip());
    }

    boolean matches(String name) {
        return needle.isEmpty() || name != null && fold(name).contains(needle);
    }

    /** Lower case, ё as е, й kept (a letter of its own, not и with a mark), other marks dropped. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('й', '\uE000');
        String bare =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return Normalizer.normalize(bare, Normalizer.Form.NFC).replace('\uE000', 'й');
    }
}
