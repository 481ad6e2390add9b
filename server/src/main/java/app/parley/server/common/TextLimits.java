package app.parley.server.common;

import app.parley.server.errors.InvalidInputException;

/**
 * The rules for user-written text, in one place: lengths counted in characters (code points),
 * not UTF-16 units, and which characters a name may hold.
 *
 * <p>Names (display names, group names) and descriptions refuse <em>hidden</em> characters:
 * controls (U+0000–U+001F, U+007F–U+009F), line and paragraph separators (U+2028, U+2029), and
 * invisible format characters, among them the bidirectional embeddings, overrides, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that make the text around a name
 * read backwards, zero-width spaces and tag characters. The zero-width non-joiner and joiner
 * (U+200C, U+200D) are allowed: Persian and Indic names and emoji sequences need them.
 * Descriptions may also hold tabs and line breaks. File names are cleaned by the same rule
 * instead of refused, since they come from a disk rather than from a person typing.
 */
public final class TextLimits {
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TextLimits() {}

    public static void requireAtMost(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters long");
        }
    }

    /** A name: stripped of surrounding blanks; refuses null, blank, over-long values and hidden characters. */
    public static String requireName(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        String stripped = value.strip();
        requireAtMost(field, stripped, max);
        requireVisible(field, stripped, false);
        return stripped;
    }

    /** Free text such as a description: stripped, possibly empty; tabs and line breaks are allowed. */
    public static String requireDescription(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        requireAtMost(field, stripped, max);
        requireVisible(field, stripped, true);
        return stripped;
    }

    /** The text without hidden characters (for names that are cleaned rather than refused). */
    public static String withoutHidden(String text) {
        return text.codePoints()
                .filter(c -> !isHidden(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** Whether a character is one a name may not hold (see the class comment). */
    public static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.FORMAT -> codePoint != ZERO_WIDTH_NON_JOINER && codePoint != ZERO_WIDTH_JOINER;
            default -> false;
        };
    }

    private static void requireVisible(String field, String value, boolean lineBreaksAllowed) {
        value.codePoints()
                .filter(c -> isHidden(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')))
                .findFirst()
                .ifPresent(c -> {
                    throw new InvalidInputException(
                            field,
                            field + " must not contain control, format or "
                                    + "bidirectional-override characters (found U+%04X)".formatted(c));
                });
    }

    /**
     * Whether the text holds half of a UTF-16 surrogate pair on its own: no Unicode character,
     * and written to UTF-8 (SQLite, the wire) it would become '?'.
     */
    public static boolean hasUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
