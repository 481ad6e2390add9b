package app.parley.server.messages;

import app.parley.server.config.Storage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MessageSearch} on SQLite's FTS5.
 *
 * <p>In one chat it reads the chat search index {@code messages_chat_fts}, whose words are keyed
 * by chat ({@link ChatKeyedWords}), so it only ever touches that chat's matches: the best of them
 * by bm25, or, for a word in more than {@value #RANKED} messages of a chat of more than
 * {@value #LARGE_CHAT}, the newest. bm25 scores every match it is given, and even to score a few
 * it first counts all the messages that have the word: a word in a third of a million-message
 * chat cost ~350 ms ranked in full, and still ~65 ms with only its 2,000 newest matches ranked.
 * The index lists a word's messages in id order, which FTS5 walks backwards cheaply, so such a
 * search gives the newest matches, as chat apps' searches do.
 *
 * <p>Across a person's chats it gives the newest matches. It first walks the plain index
 * {@code messages_fts} backwards through the newest {@value #WALKED} matches on the whole server,
 * keeping those in the person's chats: quick when their chats hold a fair share of the matches,
 * and complete when the server has no more matches than that. When the walk ends short of the
 * page (the word is common on the server but not in their chats), it asks the chat search index
 * for the word in each of their chats at once, which costs what those chats hold.
 *
 * <p>Where it walks newest matches, a query word is asked for as the words it begins, read from
 * {@link SearchVocabulary}, rather than as a prefix, which FTS5 answers only after merging the
 * lists of all those words.
 */
@JdbcRepository(dialect = Dialect.ANSI)
@Requires(property = Storage.PROPERTY, value = "sqlite")
public abstract class SqliteMessageSearch implements GenericRepository<StoredMessage, Long>, MessageSearch {
    /** A word in more matches than this in a large chat comes newest first, unranked. */
    static final int RANKED = 2_000;

    /** Chats larger than this may give common words newest first. */
    static final int LARGE_CHAT = 50_000;

    /** A query word that begins more words than this is asked for as a prefix. */
    static final int EXPANDED = 256;

    /** How many of the server's newest matches a search across chats looks through before asking chat by chat. */
    static final int WALKED = 2_000;

    private final KnownSearchWords knownWords;

    protected SqliteMessageSearch(KnownSearchWords knownWords) {
        this.knownWords = knownWords;
    }

    /**
     * The plain index follows the message by trigger; this fills the chat search index
     * ({@link ChatKeyedWords}) and the list of words, to which a message mostly brings none new.
     */
    @Override
    public void index(long messageId, long chatId, String text) {
        indexInChat(messageId, ChatKeyedWords.of(chatId, text));
        Set<String> unknown = knownWords.unknownIn(text);
        if (!unknown.isEmpty()) {
            rememberWords(SearchVocabulary.json(unknown));
            knownWords.knownAfterCommit(unknown);
        }
    }

    /**
     * Puts a message's words in the chat search index; its trigger took out an edited message's
     * old words. Public for {@code SearchWriteCost}, which measures the statements one by one.
     */
    @Query("INSERT INTO messages_chat_fts (rowid, words) VALUES (:id, :words)")
    public abstract void indexInChat(long id, String words);

    /** Adds the words not yet in {@link SearchVocabulary}'s table; {@code words} is a JSON array. */
    @Query("INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(:words)")
    public abstract void rememberWords(String words);

    @Override
    public List<MessageRow> search(long chatId, SearchTerms terms, int limit) {
        if (messagesUpTo(chatId, LARGE_CHAT + 1) > LARGE_CHAT) {
            Optional<String> exact = exactWords(terms, ChatKeyedWords.prefix(chatId));
            if (exact.isPresent() && exact.get().isEmpty()) {
                return List.of();
            }
            String walk = exact.orElseGet(() -> terms.toFts5InChat(chatId));
            // The words as typed often tell at once: one word's list is quicker to walk than all the words it begins.
            if (oldestRanked(terms.toFts5ExactInChat(chatId), RANKED - 1).isPresent()
                    || oldestRanked(walk, RANKED - 1).isPresent()) {
                return newest(walk, limit);
            }
        }
        return ranked(terms.toFts5InChat(chatId), limit);
    }

    /**
     * Newest first: across chats, bm25 would weigh one chat's messages against another's, and a
     * person looking through all their chats looks for something recent.
     */
    @Override
    public List<MessageRow> searchChatsOf(long userId, SearchTerms terms, int limit) {
        Optional<String> exact = exactWords(terms, "");
        if (exact.isPresent() && exact.get().isEmpty()) {
            return List.of();
        }
        Set<Long> chats = new HashSet<>(chatsOf(userId));
        if (chats.isEmpty()) {
            return List.of();
        }
        List<MatchedMessage> walked = walkNewest(exact.orElseGet(terms::toFts5), WALKED);
        List<Long> theirs = walked.stream()
                .filter(match -> chats.contains(match.chatId()))
                .map(MatchedMessage::id)
                .limit(limit)
                .toList();
        if (theirs.size() < limit && walked.size() == WALKED) {
            return newest(terms.toFts5InChats(chats), limit);
        }
        return theirs.isEmpty() ? List.of() : rowsNewestFirst(theirs);
    }

    /**
     * The query for walking an index's newest matches: each word as the words it begins
     * ({@link SearchVocabulary}), asked for exactly, so that FTS5 need not merge their lists
     * first; {@code keyPrefix} is a chat's key in the chat search index, or empty for the plain
     * one. An empty string when a word begins no word ever written (nothing can match); absent
     * when one begins more than {@value #EXPANDED} (the prefix query is then the better plan).
     */
    private Optional<String> exactWords(SearchTerms terms, String keyPrefix) {
        List<String> groups = new ArrayList<>();
        for (String word : terms.words()) {
            String folded = SearchVocabulary.fold(word);
            List<String> begun = wordsBetween(folded, SearchVocabulary.after(folded), EXPANDED + 1);
            if (begun.isEmpty()) {
                return Optional.of("");
            }
            if (begun.size() > EXPANDED) {
                return Optional.empty();
            }
            groups.add("("
                    + String.join(
                            " OR ",
                            begun.stream()
                                    .map(w -> SearchTerms.quoted(keyPrefix, w))
                                    .toList())
                    + ")");
        }
        return Optional.of(String.join(" AND ", groups));
    }

    @Query("SELECT word FROM search_words WHERE word >= :from AND word < :to ORDER BY word LIMIT :limit")
    protected abstract List<String> wordsBetween(String from, String to, int limit);

    /** A message the walk of the plain index passed, and its chat. */
    @Introspected
    public record MatchedMessage(long id, long chatId) {}

    /** The server's newest matches in the plain index, at most {@code walked}, walking it backwards. */
    @Query("""
        SELECT m.id, m.chat_id
        FROM (SELECT rowid AS id FROM messages_fts WHERE messages_fts MATCH :match ORDER BY rowid DESC LIMIT :walked) w
        JOIN messages m ON m.id = w.id
        ORDER BY m.id DESC\
        """)
    protected abstract List<MatchedMessage> walkNewest(String match, int walked);

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.id IN (:ids)
        ORDER BY m.id DESC\
        """)
    protected abstract List<MessageRow> rowsNewestFirst(List<Long> ids);

    @Query("SELECT chat_id FROM chat_members WHERE user_id = :userId ORDER BY chat_id")
    protected abstract List<Long> chatsOf(long userId);

    @Query("SELECT count(*) FROM (SELECT 1 FROM messages WHERE chat_id = :chatId LIMIT :cap) AS capped")
    protected abstract int messagesUpTo(long chatId, int cap);

    /** The {@code skip + 1}th newest match in the chat search index, walking it backwards. */
    @Query("""
        SELECT rowid FROM messages_chat_fts WHERE messages_chat_fts MATCH :match
        ORDER BY rowid DESC
        LIMIT 1 OFFSET :skip\
        """)
    protected abstract Optional<Long> oldestRanked(String match, int skip);

    /** The newest matches in the chat search index, walking it backwards. */
    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages_chat_fts f
        JOIN messages m ON m.id = f.rowid
        JOIN users u ON u.id = m.author_id
        WHERE messages_chat_fts MATCH :match
        ORDER BY f.rowid DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> newest(String match, int limit);

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages_chat_fts f
        JOIN messages m ON m.id = f.rowid
        JOIN users u ON u.id = m.author_id
        WHERE messages_chat_fts MATCH :match
        ORDER BY f.rank, m.id DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> ranked(String match, int limit);
}
