package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.messages.Conversations;
import app.parley.server.support.AdminTool;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
import app.parley.server.support.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley-server check}: the database's integrity and the file store against the file rows. */
@SqliteOnly // admin commands are on SQLite only so far
class CheckCommandTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void aSoundDataDirPasses() {
        upload("sound data".getBytes(StandardCharsets.UTF_8));

        var check = AdminTool.run(server.dataDir(), "", "check");

        assertEquals(ExitCodes.OK, check.exitCode(), check.toString());
        assertEquals("OK: " + server.dataDir() + " (database and stored files agree)\n", check.out());
    }

    @Test
    void bytesAFileRowNeedsThatAreGoneAreReported() throws IOException {
        byte[] bytes = "these bytes will go missing".getBytes(StandardCharsets.UTF_8);
        upload(bytes);
        Path content = contentPath(bytes);
        byte[] kept = Files.readAllBytes(content);
        Files.delete(content);
        try {
            var check = AdminTool.run(server.dataDir(), "", "check");

            assertEquals(ExitCodes.PROBLEMS_FOUND, check.exitCode(), check.toString());
            assertTrue(
                    check.out()
                            .contains("missing: "
                                    + server.dataDir()
                                            .relativize(content)
                                            .toString()
                                            .replace('\\', '/') + " (a file row needs these bytes)"),
                    check.out());
            assertTrue(check.out().contains("1 missing files, 0 unneeded files"), check.out());
        } finally {
            Files.write(content, kept);
        }
    }

    @Test
    void bytesNoFileRowNeedsAreReported() throws IOException {
        String sha = sha256("nobody uploaded this".getBytes(StandardCharsets.UTF_8));
        Path orphan = Files.createDirectories(server.dataDir().resolve("files").resolve(sha.substring(0, 2)))
                .resolve(sha);
        Files.writeString(orphan, "nobody uploaded this");
        try {
            var check = AdminTool.run(server.dataDir(), "", "check");

            assertEquals(ExitCodes.PROBLEMS_FOUND, check.exitCode(), check.toString());
            assertTrue(
                    check.out()
                            .contains("unneeded: files/" + sha.substring(0, 2) + "/" + sha
                                    + " (no file row needs these bytes)"),
                    check.out());
        } finally {
            Files.delete(orphan);
        }
    }

    @Test
    void aDamagedDatabaseIsReported(@TempDir Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve("parley.db"), "SQLite format 3\0 but nothing after it");

        var check = AdminTool.run(dataDir, "", "check");

        assertEquals(ExitCodes.PROBLEMS_FOUND, check.exitCode(), check.toString());
        assertTrue(check.out().startsWith("database: "), check.out());
    }

    private static void upload(byte[] bytes) {
        TestUser user = server.register("uploader");
        TestUser other = server.register("peer");
        long chat = Conversations.privateChat(user, other);
        var uploaded = user.api()
                .multipart(
                        "/api/v1/chats/" + chat + "/files",
                        List.of(ApiClient.Part.file("file", "data.bin", "application/octet-stream", bytes)));
        assertEquals(201, uploaded.status(), uploaded.body());
    }

    private static Path contentPath(byte[] bytes) {
        String sha = sha256(bytes);
        return server.dataDir().resolve("files").resolve(sha.substring(0, 2)).resolve(sha);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
