package app.parley.server.messages;

import java.util.List;

/**
 * Full-text search over messages, each database with its own tools: FTS5 on SQLite
 * ({@link SqliteMessageSearch}), a tsvector on PostgreSQL ({@link PostgresqlMessageSearch}).
 * Both split text into words the same way ({@link SearchTerms#WORD}, folded by
 * {@link SearchVocabulary}), so a query finds the same messages on either.
 */
public interface MessageSearch {
    /**
     * Indexes a message's text, new or edited, in the current transaction: what no trigger can
     * do, since SQL cannot split text into words as the server does.
     */
    void index(long messageId, long chatId, String text);

    /** One chat's matches: best first, or newest first for a word common in a large chat. */
    List<MessageRow> search(long chatId, SearchTerms terms, int limit);

    /** The matches in every chat the user is a member of, newest first. */
    List<MessageRow> searchChatsOf(long userId, SearchTerms terms, int limit);
}
