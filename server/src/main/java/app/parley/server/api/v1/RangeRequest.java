package app.parley.server.api.v1;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a file (RFC 9110, section 14): the whole file, one byte
 * range, or a range the file cannot satisfy (416). Several ranges at once, other units and
 * malformed headers are answered with the whole file, as the RFC allows.
 */
sealed interface RangeRequest {
    record Whole() implements RangeRequest {}

    /** Bytes {@code first} to {@code last}, both included. */
    record Part(long first, long last) implements RangeRequest {
        long length() {
            return last - first + 1;
        }
    }

    record Unsatisfiable() implements RangeRequest {}

    Pattern SINGLE = Pattern.compile("\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    static RangeRequest of(String header, long size) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return new Whole();
        }
        String spec = header.substring("bytes=".length());
        Matcher matcher = SINGLE.matcher(spec);
        if (spec.contains(",")
                || !matcher.matches()
                || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return new Whole();
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = position(matcher.group(2));
            return suffix == 0 || size == 0 ? new Unsatisfiable() : new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = position(matcher.group(1));
        Long last = matcher.group(2).isEmpty() ? null : position(matcher.group(2));
        if (last != null && last < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(first, last == null ? size - 1 : Math.min(last, size - 1));
    }

    /**
     * A byte position of any length: the RFC puts no bound on the digits, and a number beyond
     * {@code long} is beyond every file, so it counts as the largest position there is.
     */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException beyondLong) {
            return Long.MAX_VALUE;
        }
    }
}
