package app.parley.server.messages;

import app.parley.server.errors.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed into a search box, reduced to words (letters and digits of any script).
 * Every word must match, as a word or the start of one ("прив" finds "Привет").
 */
public record SearchTerms(List<String> words) {
    /** Letters and digits of any script; the chat search index splits message text the same way. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public static SearchTerms parse(String query, int maxLength) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query", "query is required");
        }
        if (query.length() > maxLength) {
            throw new InvalidInputException("query", "query must be at most " + maxLength + " characters long");
        }
        Matcher matcher = WORD.matcher(query);
        List<String> words = matcher.results()
                .map(r -> r.group().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (words.isEmpty()) {
            throw new InvalidInputException("query", "query must contain at least one letter or digit");
        }
        return new SearchTerms(words);
    }

    /** FTS5 syntax: each word quoted (no operator can be injected) as a prefix query. */
    public String toFts5() {
        return inChat("");
    }

    /** The same for the chat search index ({@link ChatKeyedWords}): the words of one chat. */
    public String toFts5InChat(long chatId) {
        return inChat(ChatKeyedWords.prefix(chatId));
    }

    /** The same for several chats: a message of any of them that has every word. */
    public String toFts5InChats(Collection<Long> chatIds) {
        return String.join(
                " OR ", chatIds.stream().map(id -> "(" + toFts5InChat(id) + ")").toList());
    }

    /** The words as typed, each asked for exactly (not as a beginning), in the chat search index. */
    public String toFts5ExactInChat(long chatId) {
        String prefix = ChatKeyedWords.prefix(chatId);
        return String.join(" ", words.stream().map(word -> quoted(prefix, word)).toList());
    }

    /** One word for FTS5, quoted (no operator can be injected), with its chat's key in the chat search index. */
    static String quoted(String keyPrefix, String word) {
        return "\"" + keyPrefix + word + "\"";
    }

    private String inChat(String prefix) {
        return String.join(
                " ", words.stream().map(word -> quoted(prefix, word) + "*").toList());
    }
}
