package app.parley.server.messages;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * {@link MessageSearch} on SQLite's FTS5 index {@code messages_fts}: the best matches by bm25, or,
 * for a word in more than {@value #RANKED} messages of a chat of more than {@value #LARGE_CHAT},
 * the newest matches.
 *
 * <p>bm25 scores every match it is given, and even to score a few it first counts all the
 * messages that contain the word in the whole index: a word in a third of a million-message chat
 * cost ~350 ms ranked in full, and still ~65 ms with only its 2,000 newest matches ranked. The
 * index lists a word's messages in id order, which FTS5 walks backwards cheaply, so such a search
 * gives the newest matches, as chat apps' searches do. Whether a word is that common in the chat
 * is found by walking back to its {@value #RANKED}th newest match there. Smaller chats rank all
 * their matches: walking back through a word common elsewhere but rare in them would cost more.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public abstract class SqliteMessageSearch implements GenericRepository<StoredMessage, Long>, MessageSearch {
    /** A word in more matches than this in a large chat comes newest first, unranked. */
    static final int RANKED = 2_000;

    /** Chats larger than this may give common words newest first. */
    static final int LARGE_CHAT = 50_000;

    @Override
    public List<MessageRow> search(long chatId, SearchTerms terms, int limit) {
        String match = terms.toFts5();
        if (messagesUpTo(chatId, LARGE_CHAT + 1) > LARGE_CHAT
                && oldestRanked(chatId, match, RANKED - 1).isPresent()) {
            return newest(chatId, match, limit);
        }
        return ranked(chatId, match, limit);
    }

    /**
     * Newest first, walking the index backwards: across chats, bm25 would weigh one chat's
     * messages against another's, and a person looking through all their chats looks for
     * something recent.
     */
    @Override
    public List<MessageRow> searchChatsOf(long userId, SearchTerms terms, int limit) {
        return newestInChatsOf(userId, terms.toFts5(), limit);
    }

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages_fts f
        JOIN messages m ON m.id = f.rowid
        JOIN users u ON u.id = m.author_id
        WHERE messages_fts MATCH :match
          AND m.chat_id IN (SELECT chat_id FROM chat_members WHERE user_id = :userId)
        ORDER BY f.rowid DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> newestInChatsOf(long userId, String match, int limit);

    @Query("SELECT count(*) FROM (SELECT 1 FROM messages WHERE chat_id = :chatId LIMIT :cap)")
    protected abstract int messagesUpTo(long chatId, int cap);

    /** The id of the chat's {@code skip + 1}th newest match, walking the index backwards. */
    @Query("""
        SELECT f.rowid FROM messages_fts f
        JOIN messages m ON m.id = f.rowid
        WHERE messages_fts MATCH :match AND m.chat_id = :chatId
        ORDER BY f.rowid DESC
        LIMIT 1 OFFSET :skip\
        """)
    protected abstract Optional<Long> oldestRanked(long chatId, String match, int skip);

    /** The chat's newest matches, walking the index backwards. */
    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages_fts f
        JOIN messages m ON m.id = f.rowid
        JOIN users u ON u.id = m.author_id
        WHERE messages_fts MATCH :match AND m.chat_id = :chatId
        ORDER BY f.rowid DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> newest(long chatId, String match, int limit);

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages_fts f
        JOIN messages m ON m.id = f.rowid
        JOIN users u ON u.id = m.author_id
        WHERE messages_fts MATCH :match AND m.chat_id = :chatId
        ORDER BY f.rank, m.id DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> ranked(long chatId, String match, int limit);
}
