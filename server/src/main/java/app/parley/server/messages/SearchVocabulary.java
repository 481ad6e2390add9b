package app.parley.server.messages;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word ever written in a message, folded as the search index folds it, in the table
 * {@code search_words}. A query's word is a word or the beginning of one, and FTS5 answers such a
 * prefix query by first merging the lists of every word with that beginning: for one of the most
 * common words in a million-message chat that merge was ~40 ms before the first match came back,
 * while the same word asked for exactly gave its newest 50 matches in 0.2 ms. So where a search
 * walks the newest matches, each query word becomes the words it begins, read from here, asked
 * for exactly ({@code "the" OR "there" OR …}), and FTS5 walks those lists lazily.
 *
 * <p>Folding: lower case and, for Latin letters, no diacritics, as the index's
 * {@code unicode61 remove_diacritics 2} does (Cyrillic keeps its й and ё there, and here). Letters
 * that tokenizer folds but Unicode does not decompose (ø, ł) stay as they are here, so a query
 * "bjorn" does not list "bjørn" among its words; only the newest-first walks depend on this list.
 */
public final class SearchVocabulary {
    private static final Pattern LATIN_MARKS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");

    private SearchVocabulary() {}

    /** A word as the index and this table hold it. */
    public static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        return Normalizer.normalize(LATIN_MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    /** The distinct folded words of a text. */
    public static Set<String> foldedWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = SearchTerms.WORD.matcher(text);
        while (matcher.find()) {
            words.add(fold(matcher.group()));
        }
        return words;
    }

    /** The same as a JSON array, for {@code json_each}. */
    public static String foldedWordsJson(String text) {
        return json(foldedWords(text));
    }

    /** Folded words as a JSON array, for {@code json_each}. */
    static String json(Collection<String> words) {
        // Letters and digits only: nothing in a word needs escaping in JSON.
        return words.isEmpty() ? "[]" : "[\"" + String.join("\",\"", words) + "\"]";
    }

    /** The upper bound of the words that begin with {@code prefix}, for a range scan of the table. */
    static String after(String prefix) {
        return prefix + Character.toString(Character.MAX_CODE_POINT);
    }
}
