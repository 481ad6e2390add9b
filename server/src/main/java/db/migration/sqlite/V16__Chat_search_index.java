package db.migration.sqlite;

import app.parley.server.messages.ChatKeyedWords;
import app.parley.server.messages.SearchVocabulary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The chat search index: message words keyed by their chat ({@link ChatKeyedWords}), beside the
 * plain {@code messages_fts} that searching all of a person's chats walks. Written from Java, not
 * by a trigger, because SQL cannot split text into words the way a query is split; so this
 * migration fills it from the messages already stored (about half a minute for a million), and
 * the list of every word written, {@code search_words} ({@link SearchVocabulary}).
 *
 * <p>Contentless ({@code content=''}): it keeps no copy of the text, which {@code messages} has.
 * {@code contentless_delete=1} lets a row go by its id alone, so triggers can remove a deleted
 * message's words (a chat's deletion cascades to its messages, and so to here) and an edited
 * message's old words; the service then indexes the new text.
 */
public class V16__Chat_search_index extends BaseJavaMigration {
    private static final int BATCH = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                CREATE VIRTUAL TABLE messages_chat_fts USING fts5(
                    words,
                    content = '',
                    contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 2'
                )\
                """);
            ddl.execute("CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID");
            ddl.execute("""
                CREATE TRIGGER messages_chat_fts_delete AFTER DELETE ON messages BEGIN
                    DELETE FROM messages_chat_fts WHERE rowid = old.id;
                END\
                """);
            ddl.execute("""
                CREATE TRIGGER messages_chat_fts_update AFTER UPDATE OF text ON messages BEGIN
                    DELETE FROM messages_chat_fts WHERE rowid = old.id;
                END\
                """);
        }
        Set<String> vocabulary = new HashSet<>();
        try (Statement read = connection.createStatement();
                ResultSet messages = read.executeQuery("SELECT id, chat_id, text FROM messages");
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO messages_chat_fts (rowid, words) VALUES (?, ?)")) {
            int pending = 0;
            while (messages.next()) {
                insert.setLong(1, messages.getLong(1));
                String text = messages.getString(3);
                insert.setString(2, ChatKeyedWords.of(messages.getLong(2), text));
                vocabulary.addAll(SearchVocabulary.foldedWords(text));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO search_words (word) VALUES (?)")) {
            int pending = 0;
            for (String word : vocabulary) {
                insert.setString(1, word);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }
}
