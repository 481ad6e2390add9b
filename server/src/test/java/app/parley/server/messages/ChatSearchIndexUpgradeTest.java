package app.parley.server.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.ParleyServer;
import app.parley.server.accounts.PasswordHasher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

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
            String token = JSON.readTree(post(
                                    server.localUri().resolve("/api/v1/auth/login"),
                                    null,
                                    Map.of("username", "anna", "password", "anna-password"))
                            .body())
                    .get("token")
                    .asText();

            assertEquals(List.of(ids.get(0), ids.get(2)), sorted(search(server, token, chat, "прив")));
            assertEquals(List.of(ids.get(1)), search(server, token, chat, "HARBOUR"));
            assertEquals(List.of(), search(server, token, chat, "гавань"));
            assertEquals(List.of(ids.get(2), ids.get(0)), searchEverywhere(server, token, "ПРИВ"));
            assertEquals(List.of(ids.get(1)), searchEverywhere(server, token, "harb"));

            HttpResponse<String> edited = send(
                    server,
                    token,
                    "PATCH",
                    "/api/v1/chats/" + chat + "/messages/" + ids.get(1) + "/",
                    Map.of("text", "The bay is quiet"));
            assertEquals(200, edited.statusCode(), edited.body());
            HttpResponse<String> deleted =
                    send(server, token, "DELETE", "/api/v1/chats/" + chat + "/messages/" + ids.get(0) + "/", null);
            assertEquals(200, deleted.statusCode(), deleted.body());

            assertEquals(List.of(), search(server, token, chat, "harbour"));
            assertEquals(List.of(ids.get(1)), search(server, token, chat, "bay"));
            assertEquals(List.of(ids.get(2)), search(server, token, chat, "прив"));
            assertEquals(List.of(ids.get(1)), searchEverywhere(server, token, "bay"));
            assertEquals(List.of(), searchEverywhere(server, token, "harbour"));
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

    private List<Long> search(ParleyServer server, String token, long chat, String query) throws Exception {
        HttpResponse<String> response = send(
                server,
                token,
                "GET",
                "/api/v1/chats/" + chat + "/search/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                null);
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = new ArrayList<>();
        for (JsonNode message : JSON.readTree(response.body()).get("results")) {
            ids.add(message.get("id").asLong());
        }
        return ids;
    }

    private List<Long> searchEverywhere(ParleyServer server, String token, String query) throws Exception {
        HttpResponse<String> response = send(
                server,
                token,
                "GET",
                "/api/v1/search/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                null);
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = new ArrayList<>();
        for (JsonNode message : JSON.readTree(response.body()).get("results")) {
            ids.add(message.get("id").asLong());
        }
        return ids;
    }

    private HttpResponse<String> post(URI uri, String token, Map<String, String> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(ParleyServer server, String token, String method, String path, Object body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.localUri().resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
