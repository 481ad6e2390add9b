package app.parley.server.messages;

import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search in a chat of more than {@link SqliteMessageSearch#LARGE_CHAT} messages, where a word in
 * more than {@link SqliteMessageSearch#RANKED} of them gives its newest matches (the best-scored
 * old ones are not put first), and a rare word is ranked and found however old its messages. The chat is filled through the server's own
 * database connection (over HTTP it would take minutes); the searches go over HTTP.
 */
class SearchLargeChatApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static TestUser anna;
    private static long chat;
    private static final List<Long> weather = new ArrayList<>();
    private static final List<Long> harbour = new ArrayList<>();

    @BeforeAll
    static void aChatOfFiftyThousandMessages() throws SQLException {
        anna = server.register("anna");
        TestUser boris = server.register("boris");
        chat = privateChat(anna, boris);
        DataSource database = DelegatingDataSource.unwrapDataSource(server.bean(DataSource.class));
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO messages (uuid, chat_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)"
                            + " RETURNING id")) {
                int total = SqliteMessageSearch.LARGE_CHAT + SqliteMessageSearch.RANKED + 500;
                for (int i = 0; i < total; i++) {
                    // Oldest: three with "harbour" and five with "weather" three times over,
                    // which bm25 would put first were all matches ranked; newest: "weather" in each.
                    String text = i < 3
                            ? "boats in the harbour " + i
                            : i < 8
                                    ? "weather weather weather " + i
                                    : i < SqliteMessageSearch.LARGE_CHAT ? "filler line " + i : "weather report " + i;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setLong(2, chat);
                    insert.setLong(3, anna.id());
                    insert.setString(4, text);
                    insert.setLong(5, System.currentTimeMillis());
                    try (ResultSet id = insert.executeQuery()) {
                        id.next();
                        if (text.contains("weather")) {
                            weather.add(id.getLong(1));
                        } else if (text.contains("harbour")) {
                            harbour.add(id.getLong(1));
                        }
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static List<Long> found(String query) {
        ApiClient.Response response = anna.api()
                .get("/api/v1/chats/" + chat + "/search/?limit=50&query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().get("results").spliterator(), false)
                .map(message -> message.get("id").asLong())
                .toList();
    }

    @Test
    void aWordInThousandsOfMessagesGivesItsNewestMatches() {
        List<Long> ids = found("weather");

        assertEquals(weather.reversed().subList(0, 50), ids);
    }

    @Test
    void aRareWordIsFoundHoweverOldItsMessages() {
        assertEquals(harbour.reversed(), found("harbour"));
    }
}
