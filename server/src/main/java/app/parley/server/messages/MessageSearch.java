package app.parley.server.messages;

import java.util.List;

/**
 * Full-text search over messages. The SQLite implementation uses FTS5; another database brings
 * its own implementation.
 */
public interface MessageSearch {
    /** One chat's matches: best first, or newest first for a word common in a large chat. */
    List<MessageRow> search(long chatId, SearchTerms terms, int limit);

    /** The matches in every chat the user is a member of, newest first. */
    List<MessageRow> searchChatsOf(long userId, SearchTerms terms, int limit);
}
