package app.parley.server.messages;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** {@link MessageSearch} on SQLite's FTS5 index {@code messages_fts} (bm25 ranking). */
@JdbcRepository(dialect = Dialect.ANSI)
public abstract class SqliteMessageSearch implements GenericRepository<StoredMessage, Long>, MessageSearch {

    @Override
    public List<MessageRow> search(long chatId, SearchTerms terms, int limit) {
        return match(chatId, terms.toFts5(), limit);
    }

    @Query("SELECT " + MessageRow.COLUMNS + """

        FROM messages_fts f
        JOIN messages m ON m.id = f.rowid
        JOIN users u ON u.id = m.author_id
        WHERE messages_fts MATCH :match AND m.chat_id = :chatId
        ORDER BY f.rank, m.id DESC
        LIMIT :limit\
        """)
    protected abstract List<MessageRow> match(long chatId, String match, int limit);
}
