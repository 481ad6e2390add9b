package app.parley.server.messages;

import app.parley.server.common.TransactionHooks;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * Words known to be in {@link SearchVocabulary}'s table, so that a message whose words are all
 * known, as most are, writes nothing there, and another writes only the words it brings new: the
 * table's {@code INSERT OR IGNORE} for every message was half of what the search change cost each
 * write.
 *
 * <p>A word is known only once the transaction that wrote it has committed: one remembered from a
 * write rolled back (alone in its savepoint, or with its whole batch) would never be written again.
 * Nothing removes a word from the table, so a word once known stays true. Bounded, and filled as
 * messages are written: a word forgotten or not yet seen costs one {@code INSERT OR IGNORE}, no
 * more.
 */
@Singleton
public class KnownSearchWords {
    /** Enough for the words people use most; a few megabytes. */
    static final int REMEMBERED = 50_000;

    private final TransactionHooks hooks;
    private final Cache<String, Boolean> known = Caffeine.newBuilder()
            .maximumSize(REMEMBERED)
            // Eviction on the writer's thread: no pool of its own for a set this cheap to trim.
            .executor(Runnable::run)
            .build();

    public KnownSearchWords(TransactionHooks hooks) {
        this.hooks = hooks;
    }

    /** The folded words of {@code text} that the table may lack. */
    Set<String> unknownIn(String text) {
        Set<String> words = SearchVocabulary.foldedWords(text);
        words.removeIf(word -> known.getIfPresent(word) != null);
        return words;
    }

    /** Counts {@code words} as in the table once the current transaction, which writes them, commits. */
    void knownAfterCommit(Set<String> words) {
        List<String> written = List.copyOf(words);
        hooks.afterCommit(() -> written.forEach(word -> known.put(word, Boolean.TRUE)));
    }
}
