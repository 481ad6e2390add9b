package app.parley.server.messages;

import java.util.List;

/**
 * Full-text search over one chat's messages, best match first. The SQLite implementation uses
 * FTS5; another database brings its own implementation.
 */
public interface MessageSearch {
    List<MessageRow> search(long chatId, SearchTerms terms, int limit);
}
