package app.parley.server.messages;

import app.parley.server.config.Storage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * {@link MessageSearch} on PostgreSQL: each message's words in a {@code tsvector} column
 * ({@code messages.words}, with a GIN index), written by the server as it splits and folds them
 * for SQLite's index, so both databases find the same messages for the same query.
 *
 * <p>Lexemes go in and queries are built as they are, never through PostgreSQL's text parser
 * ({@code tsvector} and {@code tsquery} casts): its parser splits some words otherwise
 * (digits next to letters, marks). A query word is a prefix ({@code 'прив':*}). In one chat the
 * best matches come first ({@code ts_rank}) while there are at most {@value #RANKED} of them, the
 * newest otherwise, as on SQLite; across chats, the newest.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Requires(property = Storage.PROPERTY, value = "postgresql")
public abstract class PostgresqlMessageSearch implements GenericRepository<StoredMessage, Long>, MessageSearch {
    /** A query with more matches than this in a chat comes newest first, unranked. */
    static final int RANKED = SqliteMessageSearch.RANKED;

    /** tsvector's highest position; later words are kept, at this position. */
    private static final int LAST_POSITION = 16_383;

    /**
     * A tsvector's word may be at most 2,046 bytes; a longer one is kept by its beginning (500
     * letters: 2,000 bytes at most), which a query for it, a prefix, still finds.
     */
    private static final int LONGEST_WORD = 500;

    @Override
    public void index(long messageId, long chatId, String text) {
        writeWords(messageId, tsvector(text));
    }

    /**
     * A text's words as a tsvector literal, each folded word with the positions it has, so that
     * {@code ts_rank} weighs how often a word comes and how long the message is, as bm25 does on
     * SQLite: {@code 'кот':1,3 'спит':2}.
     */
    static String tsvector(String text) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        Matcher matcher = SearchTerms.WORD.matcher(text);
        int position = 0;
        while (matcher.find()) {
            position = Math.min(position + 1, LAST_POSITION);
            positions
                    .computeIfAbsent(cut(SearchVocabulary.fold(matcher.group())), word -> new ArrayList<>())
                    .add(position);
        }
        // Words are letters and digits only (SearchTerms.WORD): nothing in one needs quoting.
        return positions.entrySet().stream()
                .map(word -> "'" + word.getKey() + "':"
                        + word.getValue().stream()
                                .distinct()
                                .map(String::valueOf)
                                .collect(Collectors.joining(",")))
                .collect(Collectors.joining(" "));
    }

    @Override
    public List<MessageRow> search(long chatId, SearchTerms terms, int limit) {
        String query = tsquery(terms);
        return matchesUpTo(chatId, query, RANKED + 1) > RANKED
                ? newestInChat(chatId, query, limit)
                : rankedInChat(chatId, query, limit);
    }

    @Override
    public List<MessageRow> searchChatsOf(long userId, SearchTerms terms, int limit) {
        return newestInChatsOf(userId, tsquery(terms), limit);
    }

    /** Each word, folded as the index holds it, as a prefix; all of them must match. */
    static String tsquery(SearchTerms terms) {
        // Words are letters and digits only (SearchTerms.WORD): nothing in one needs quoting.
        return terms.words().stream()
                .map(word -> "'" + cut(SearchVocabulary.fold(word)) + "':*")
                .collect(Collectors.joining(" & "));
    }

    private static String cut(String word) {
        return word.codePointCount(0, word.length()) <= LONGEST_WORD
                ? word
                : word.substring(0, word.offsetByCodePoints(0, LONGEST_WORD));
    }

    @Query("UPDATE messages SET words = CAST(:words AS tsvector) WHERE id = :id")
    protected abstract void writeWords(long id, String words);

    @Query("""
        SELECT count(*) FROM (
            SELECT 1 FROM messages WHERE chat_id = :chatId AND words @@ CAST(:query AS tsquery) LIMIT :cap
        ) AS capped\
        """)
    protected abstract int matchesUpTo(long chatId, String query, int cap);

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.chat_id = :chatId AND m.words @@ CAST(:query AS tsquery)
        ORDER BY ts_rank(m.words, CAST(:query AS tsquery), 1) DESC, m.id DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> rankedInChat(long chatId, String query, int limit);

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.chat_id = :chatId AND m.words @@ CAST(:query AS tsquery)
        ORDER BY m.id DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> newestInChat(long chatId, String query, int limit);

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.chat_id IN (SELECT chat_id FROM chat_members WHERE user_id = :userId)
          AND m.words @@ CAST(:query AS tsquery)
        ORDER BY m.id DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> newestInChatsOf(long userId, String query, int limit);
}
