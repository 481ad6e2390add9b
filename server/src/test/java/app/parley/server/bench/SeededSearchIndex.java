package app.parley.server.bench;

import app.parley.server.messages.ChatKeyedWords;
import app.parley.server.messages.SearchVocabulary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the chat search index and the list of words for messages a benchmark seeded with plain
 * JDBC: the server writes both from Java as it stores a message (no trigger can split text into
 * words), so seeding must do what the server would.
 */
final class SeededSearchIndex {
    private static final int BATCH = 10_000;

    private SeededSearchIndex() {}

    /** Indexes the messages {@code where} selects (an SQL condition); the caller commits. */
    static void fill(Connection connection, String where) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT id, chat_id, text FROM messages WHERE " + where);
                PreparedStatement index =
                        connection.prepareStatement("INSERT INTO messages_chat_fts (rowid, words) VALUES (?, ?)");
                PreparedStatement words = connection.prepareStatement(
                        "INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(?)")) {
            int pending = 0;
            while (rows.next()) {
                index.setLong(1, rows.getLong(1));
                index.setString(2, ChatKeyedWords.of(rows.getLong(2), rows.getString(3)));
                index.addBatch();
                words.setString(1, SearchVocabulary.foldedWordsJson(rows.getString(3)));
                words.addBatch();
                if (++pending % BATCH == 0) {
                    index.executeBatch();
                    words.executeBatch();
                }
            }
            index.executeBatch();
            words.executeBatch();
        }
    }
}
