package app.parley.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.ParleyServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Accounts made before usernames had look-alike skeletons (schema version 3) get them when the
 * upgraded server starts: no look-alike of theirs can be registered afterwards, and everyone
 * still signs in, the look-alikes that already existed included.
 */
class UsernameSkeletonsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUpgradedServerFillsInSkeletonsAndRefusesLookAlikesOfExistingAccounts(@TempDir Path dataDir)
            throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve("parley.db");
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration/sqlite")
                .target("3")
                .load()
                .migrate();
        PasswordHasher passwords = new PasswordHasher();
        try (Connection db = DriverManager.getConnection(url)) {
            // As version 3 stored them: usernames as typed, keys lower-cased, look-alikes side by side.
            insertV3(db, "alice", passwords.hash("alice-password"));
            insertV3(db, "\u0430lice", passwords.hash("cyrillic-password"));
            insertV3(db, "\uFF42\uFF4F\uFF42", passwords.hash("bob-password"));
        }

        for (int start = 1; start <= 2; start++) {
            try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
                for (String lookAlike : List.of("alic\u0435", "ALICE", "bob", "\u0430lice")) {
                    assertEquals(409, register(server, lookAlike).statusCode(), "start " + start + ": " + lookAlike);
                }
                assertEquals(200, login(server, "alice", "alice-password").statusCode());
                assertEquals(
                        200, login(server, "\u0430lice", "cyrillic-password").statusCode());
                assertEquals(200, login(server, "bob", "bob-password").statusCode());
                assertEquals(
                        200, login(server, "\uFF42\uFF4F\uFF42", "bob-password").statusCode());
            }
        }

        try (Connection db = DriverManager.getConnection(url)) {
            assertEquals(
                    List.of(
                            List.of("alice", "alice", "alice", "alice"),
                            List.of("\u0430lice", "\u0430lice", "-", "-"),
                            List.of("\uFF42\uFF4F\uFF42", "bob", "bob", "bob")),
                    usernames(db));
        }
    }

    private static void insertV3(Connection db, String username, String passwordHash) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
            INSERT INTO users (uuid, username, username_key, name, description, password_hash, is_bot, created_at)
            VALUES (?, ?, ?, ?, '', ?, 0, 0)\
            """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, username);
            insert.setString(3, username.toLowerCase(java.util.Locale.ROOT));
            insert.setString(4, username);
            insert.setString(5, passwordHash);
            insert.executeUpdate();
        }
    }

    /** username, key, skeleton, shown skeleton of every account ("-" for none), oldest first. */
    private static List<List<String>> usernames(Connection db) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet found = db.createStatement()
                .executeQuery(
                        "SELECT username, username_key, username_skeleton, username_shown_skeleton FROM users ORDER BY"
                                + " id")) {
            while (found.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 4; column++) {
                    row.add(found.getString(column) == null ? "-" : found.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private HttpResponse<String> register(ParleyServer server, String username) throws Exception {
        return post(
                server.localUri().resolve("/api/v1/auth/register"),
                Map.of("username", username, "password", "new-password"));
    }

    private HttpResponse<String> login(ParleyServer server, String username, String password) throws Exception {
        return post(
                server.localUri().resolve("/api/v1/auth/login"), Map.of("username", username, "password", password));
    }

    private HttpResponse<String> post(URI uri, Map<String, String> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
