package app.parley.server.common;

import app.parley.server.errors.InvalidInputException;

/** Length checks for user-written text, counted in characters (code points), not UTF-16 units. */
public final class TextLimits {
    private TextLimits() {}

    public static void requireAtMost(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters long");
        }
    }

    /** The value stripped of surrounding blanks; refuses null, blank or over-long values. */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        String stripped = value.strip();
        requireAtMost(field, stripped, max);
        return stripped;
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
