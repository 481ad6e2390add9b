package app.parley.server.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.ParleyServer;
import app.parley.server.accounts.PasswordHasher;
import app.parley.server.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages stored before the chat search index existed (schema version 15) are found in their
 * chat and across chats once the upgraded server has started (the migration fills the chat search
 * index and the list of words), Cyrillic and Latin, whole words and beginnings; and an edit or a
 * deletion after the upgrade is followed.
 */
class ChatSearchIndexUpgradeTest {
    @Test
    void anUpgradedServerFindsMessagesStoredBeforeTheChatSearchIndex(@TempDir Path dataDir) throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve("parley.db");
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration/sqlite")
                .target("15")
                .load()
                .migrate();
        long chat;
        List<Long> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url)) {
            String hash = new PasswordHasher().hash("anna-password");
            long anna = insert(
                    db,
                    "INSERT INTO users (uuid, username, username_key, name, password_hash, created_at)" + " VALUES ('"
                            + UUID.randomUUID() + "', 'anna', 'anna', 'Anna', ?, 0) RETURNING id",
                    hash);
            long boris = insert(
                    db,
                    "INSERT INTO users (uuid, username, username_key, name, password_hash, created_at)" + " VALUES ('"
                            + UUID.randomUUID() + "', 'boris', 'boris', 'Boris', ?, 0) RETURNING id",
                    hash);
            chat = insert(
                    db,
                    "INSERT INTO chats (uuid, kind, pair_key, created_at) VALUES ('" + UUID.randomUUID()
                            + "', 'private', ?, 0) RETURNING id",
                    anna + ":" + boris);
            for (long member : List.of(anna, boris)) {
                insert(
                        db,
                        "INSERT INTO chat_members (chat_id, user_id, role, joined_at) VALUES (" + chat + ", " + member
                                + ", 'member', 0) RETURNING id",
                        null);
            }
            for (String text : List.of("Привет, как дела?", "The harbour is quiet", "Приветствую всех в гавани")) {
                ids.add(insert(
                        db,
                        "INSERT INTO messages (uuid, chat_id, author_id, text, created_at) VALUES ('"
                                + UUID.randomUUID() + "', " + chat + ", " + anna + ", ?, 0) RETURNING id",
                        text));
            }
        }

        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            ApiClient.Response login = new ApiClient(server.localUri(), null)
                    .post("/api/v1/auth/login", Map.of("username", "anna", "password", "anna-password"));
            ApiClient anna =
                    new ApiClient(server.localUri(), login.json().get("token").asText());
            String inChat = "/api/v1/chats/" + chat + "/search/?query=";
            String everywhere = "/api/v1/search/?query=";

            assertEquals(List.of(ids.get(0), ids.get(2)), sorted(found(anna, inChat, "прив")));
            assertEquals(List.of(ids.get(1)), found(anna, inChat, "HARBOUR"));
            assertEquals(List.of(), found(anna, inChat, "гавань"));
            assertEquals(List.of(ids.get(2), ids.get(0)), found(anna, everywhere, "ПРИВ"));
            assertEquals(List.of(ids.get(1)), found(anna, everywhere, "harb"));

            ApiClient.Response edited = anna.patch(
                    "/api/v1/chats/" + chat + "/messages/" + ids.get(1) + "/", Map.of("text", "The bay is quiet"));
            assertEquals(200, edited.status(), edited.body());
            ApiClient.Response deleted = anna.delete("/api/v1/chats/" + chat + "/messages/" + ids.get(0) + "/");
            assertEquals(200, deleted.status(), deleted.body());

            assertEquals(List.of(), found(anna, inChat, "harbour"));
            assertEquals(List.of(ids.get(1)), found(anna, inChat, "bay"));
            assertEquals(List.of(ids.get(2)), found(anna, inChat, "прив"));
            assertEquals(List.of(ids.get(1)), found(anna, everywhere, "bay"));
            assertEquals(List.of(), found(anna, everywhere, "harbour"));
        }
    }

    private static long insert(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            if (parameter != null) {
                insert.setString(1, parameter);
            }
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    /** The ids a search at {@code path} (ending in {@code query=}) returns, in its order. */
    private static List<Long> found(ApiClient client, String path, String query) {
        ApiClient.Response response = client.get(path + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.body());
        List<Long> ids = new ArrayList<>();
        for (JsonNode message : response.json().get("results")) {
            ids.add(message.get("id").asLong());
        }
        return ids;
    }
}
