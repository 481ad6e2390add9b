package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
import app.parley.server.support.TestUser;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A word written to the list of words by a write that then rolled back is not taken as known:
 * the next message with it writes it again, so searches that read the list (every search across a
 * person's chats) still find it. The writes are made to fail after their words were written, by a
 * trigger that refuses every mention while a test holds it, as a full disk would refuse a write.
 */
@SqliteOnly
class KnownSearchWordsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void aWordOfASendRolledBackAfterItsWordsWereWrittenIsFoundWhenSentAgain() throws SQLException {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long pair = privateChat(anna, boris);
        long team = group(anna, boris);

        refuseMentions(true);
        ApiClient.Response refused;
        try {
            refused = anna.api().post(messagesPath(pair), Map.of("text", "@" + boris.username() + " zebrafish"));
        } finally {
            refuseMentions(false);
        }
        assertEquals(500, refused.status(), refused.body());
        assertEquals(List.of(), historyTexts(boris, pair), "the send was rolled back");

        send(boris, team, "Zebrafish tonight");

        assertEquals(List.of("Zebrafish tonight"), searchEverywhere(anna, "zebra"));
        assertEquals(List.of("Zebrafish tonight"), searchEverywhere(anna, "zebrafish"));
    }

    @Test
    void aWordOfAnEditRolledBackAfterItsWordsWereWrittenIsFoundWhenWrittenAgain() throws SQLException {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long pair = privateChat(anna, boris);
        long id = send(anna, pair, "see you").get("id").asLong();

        refuseMentions(true);
        ApiClient.Response refused;
        try {
            refused = anna.api()
                    .patch(messagesPath(pair) + id + "/", Map.of("text", "@" + boris.username() + " quokkas"));
        } finally {
            refuseMentions(false);
        }
        assertEquals(500, refused.status(), refused.body());
        assertEquals(List.of("see you"), historyTexts(boris, pair), "the edit was rolled back");

        send(boris, pair, "Quokkas at the zoo");

        assertEquals(List.of("Quokkas at the zoo"), searchEverywhere(anna, "quok"));
    }

    private static List<String> searchEverywhere(TestUser user, String query) {
        ApiClient.Response response =
                user.api().get("/api/v1/search/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.body());
        return texts(response.json().get("results"));
    }

    /** While refused, storing a mention fails, and with it the write that stores one. */
    private static void refuseMentions(boolean refused) throws SQLException {
        execute(refused ? """
            CREATE TRIGGER refuse_mentions BEFORE INSERT ON message_mentions BEGIN
                SELECT RAISE(ABORT, 'mentions are refused in this test');
            END\
            """ : "DROP TRIGGER refuse_mentions");
    }

    private static void execute(String sql) throws SQLException {
        DataSource database = DelegatingDataSource.unwrapDataSource(server.bean(DataSource.class));
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
