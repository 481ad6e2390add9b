package app.parley.desktop.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message's text mentions people: the {@code @name}s the server recognised (those it
 * lists in the message's {@code mentions}, and {@code @all} when it counted), found with the
 * server's own rule, so an e-mail address or an {@code @name} of nobody in the chat stays text.
 */
final class MentionMarks {
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{M}\\p{Nd}_.@-])@([\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}._-]{0,63})");

    enum Kind {
        PLAIN,
        SOMEONE,
        READER
    }

    record Part(String text, Kind kind) {}

    private MentionMarks() {}

    /**
     * @param mentioned the usernames the message mentions, lower-cased
     * @param all whether its {@code @all} counted (it then mentions the reader)
     * @param reader the reader's username, lower-cased
     */
    static List<Part> split(String text, Set<String> mentioned, boolean all, String reader) {
        List<Part> parts = new ArrayList<>();
        if ((mentioned.isEmpty() && !all) || text.indexOf('@') < 0) {
            parts.add(new Part(text, Kind.PLAIN));
            return parts;
        }
        Matcher matcher = MENTION.matcher(text);
        int at = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            String bare = name.replaceAll("[._-]+$", "");
            String key = mentioned.contains(name.toLowerCase(Locale.ROOT)) ? name : bare;
            String lower = key.toLowerCase(Locale.ROOT);
            Kind kind = all && lower.equals("all")
                    ? Kind.READER
                    : mentioned.contains(lower) ? (lower.equals(reader) ? Kind.READER : Kind.SOMEONE) : Kind.PLAIN;
            if (kind == Kind.PLAIN) {
                continue;
            }
            int start = matcher.start();
            int end = start + 1 + key.length();
            if (start > at) {
                parts.add(new Part(text.substring(at, start), Kind.PLAIN));
            }
            parts.add(new Part(text.substring(start, end), kind));
            at = end;
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), Kind.PLAIN));
        }
        return parts;
    }
}
