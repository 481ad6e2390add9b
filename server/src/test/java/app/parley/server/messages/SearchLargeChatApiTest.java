package app.parley.server.messages;

import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
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
import java.util.Map;
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
@SqliteOnly
class SearchLargeChatApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static TestUser anna;
    private static TestUser carol;
    private static long chat;
    private static long older;
    private static final List<Long> carolsFiller = new ArrayList<>();
    private static final List<Long> weather = new ArrayList<>();
    private static final List<Long> harbour = new ArrayList<>();
    private static final List<Long> cafe = new ArrayList<>();

    @BeforeAll
    static void aChatOfFiftyThousandMessages() throws SQLException {
        anna = server.register("anna");
        TestUser boris = server.register("boris");
        carol = server.register("carol");
        // Older than every message of the large chat: searching all of Carol's chats for a word
        // of the large chat walks past thousands of matches that are not hers before it finds these.
        older = privateChat(carol, boris);
        carolsFiller.add(send(carol, older, "filler from carol"));
        send(carol, older, "nothing to see");
        carolsFiller.add(send(carol, older, "more fillers here"));
        chat = privateChat(anna, boris);
        DataSource database = DelegatingDataSource.unwrapDataSource(server.bean(DataSource.class));
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO messages (uuid, chat_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)"
                                    + " RETURNING id");
                    PreparedStatement index =
                            connection.prepareStatement("INSERT INTO messages_chat_fts (rowid, words) VALUES (?, ?)");
                    PreparedStatement words = connection.prepareStatement(
                            "INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(?)")) {
                int total = SqliteMessageSearch.LARGE_CHAT + SqliteMessageSearch.RANKED + 500;
                for (int i = 0; i < total; i++) {
                    // Oldest: three with "harbour" and five with "weather" three times over,
                    // which bm25 would put first were all matches ranked; newest: "weather" or
                    // "weathering" in each.
                    String text = i < 3
                            ? "boats in the harbour " + i
                            : i < 8
                                    ? "weather weather weather " + i
                                    : i < SqliteMessageSearch.LARGE_CHAT
                                            ? "filler line at the Café " + i
                                            : i % 7 == 0 ? "weathering the storm " + i : "weather report " + i;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setLong(2, chat);
                    insert.setLong(3, anna.id());
                    insert.setString(4, text);
                    insert.setLong(5, System.currentTimeMillis());
                    try (ResultSet id = insert.executeQuery()) {
                        id.next();
                        index.setLong(1, id.getLong(1));
                        index.setString(2, ChatKeyedWords.of(chat, text));
                        index.executeUpdate();
                        words.setString(1, SearchVocabulary.foldedWordsJson(text));
                        words.executeUpdate();
                        if (text.contains("weather")) {
                            weather.add(id.getLong(1));
                        } else if (text.contains("harbour")) {
                            harbour.add(id.getLong(1));
                        } else if (text.contains("Café")) {
                            cafe.add(id.getLong(1));
                        }
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static long send(TestUser author, long chatId, String text) {
        ApiClient.Response sent = author.api().post("/api/v1/chats/" + chatId + "/messages/", Map.of("text", text));
        assertEquals(201, sent.status(), sent.body());
        return sent.json().get("id").asLong();
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
    void theNewestMatchesOfAWordsBeginningIgnoreCaseAndAccents() {
        assertEquals(weather.reversed().subList(0, 50), found("WEATH"));
        assertEquals(cafe.reversed().subList(0, 50), found("cafe"));
        assertEquals(cafe.reversed().subList(0, 50), found("caf filler"));
        assertEquals(List.of(), found("cafeteria"));
        assertEquals(List.of(), found("weather zzz"));
    }

    @Test
    void aWordCommonInOthersChatsIsFoundInAllOfOnesOwnChats() {
        ApiClient.Response response = carol.api().get("/api/v1/search/?limit=50&query=fill");

        assertEquals(200, response.status(), response.body());
        List<Long> ids = StreamSupport.stream(response.json().get("results").spliterator(), false)
                .map(message -> message.get("id").asLong())
                .toList();
        assertEquals(carolsFiller.reversed(), ids);
        response.json()
                .get("results")
                .forEach(message -> assertEquals(older, message.get("chat_id").asLong()));
    }

    @Test
    void aRareWordIsFoundHoweverOldItsMessages() {
        assertEquals(harbour.reversed(), found("harbour"));
    }
}
