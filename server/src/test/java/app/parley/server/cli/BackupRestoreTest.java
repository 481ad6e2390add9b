package app.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.ParleyServer;
import app.parley.server.messages.Conversations;
import app.parley.server.support.AdminTool;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SqliteOnly;
import app.parley.server.support.TestUser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup} from a server that runs and writes, and {@code restore} of what it wrote. */
@SqliteOnly // admin commands are on SQLite only so far
class BackupRestoreTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @TempDir
    Path temp;

    @Test
    void aBackupTakenWhileMessagesAreWrittenRestoresEveryMessageAcknowledgedBeforeIt() throws Exception {
        TestUser author = server.register("writer");
        TestUser reader = server.register("reader");
        long chat = Conversations.privateChat(author, reader);
        byte[] attachment = "a file in the chat, backed up with it".getBytes(StandardCharsets.UTF_8);
        var uploaded = author.api()
                .multipart(
                        "/api/v1/chats/" + chat + "/files",
                        List.of(ApiClient.Part.file("file", "notes.txt", "text/plain", attachment)));
        assertEquals(201, uploaded.status(), uploaded.body());

        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; writing.get(); i++) {
                var sent = author.api().post(Conversations.messagesPath(chat), Map.of("text", "message " + i));
                if (sent.status() == 201) {
                    acknowledged.add(sent.json().get("id").asLong());
                }
            }
        });
        Path archive = temp.resolve("parley-backup.zip");
        List<Long> beforeBackup;
        int afterBackup;
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);
            beforeBackup = List.copyOf(acknowledged);

            var backup = AdminTool.run(server.dataDir(), "", "backup", archive.toString());

            assertEquals(ExitCodes.OK, backup.exitCode(), backup.toString());
            assertTrue(backup.out().contains("(database and 1 stored files)"), backup.toString());
            afterBackup = acknowledged.size();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= afterBackup + 5);
        } finally {
            writing.set(false);
            writer.join();
        }

        Path restoredDir = temp.resolve("restored");
        var restored = AdminTool.run(restoredDir, "", "restore", archive.toString());

        assertEquals(ExitCodes.OK, restored.exitCode(), restored.toString());
        Path database = restoredDir.resolve("parley.db");
        assertEquals(List.of("ok"), column(database, "PRAGMA integrity_check"));
        Set<Long> restoredIds = new HashSet<>();
        column(database, "SELECT id FROM messages").forEach(id -> restoredIds.add(Long.parseLong(id)));
        List<Long> lost = new ArrayList<>(beforeBackup);
        lost.removeAll(restoredIds);
        assertEquals(List.of(), lost, "messages acknowledged before the backup began but not restored");
        assertTrue(restoredIds.size() < afterBackup + 5, "the backup holds messages written after it ended");
        var check = AdminTool.run(restoredDir, "", "check");
        assertEquals(ExitCodes.OK, check.exitCode(), check.toString());

        // The restored installation is a working server: same signing secret, same accounts and file.
        try (ParleyServer again = ParleyServer.start(ParleyServer.Settings.of(restoredDir, 0))) {
            ApiClient asAuthor = new ApiClient(again.localUri(), author.api().token());
            var history = asAuthor.get(Conversations.messagesPath(chat) + "?limit=1");
            assertEquals(200, history.status(), history.body());
            var file = asAuthor.get("/api/v1/files/" + uploaded.json().get("id").asLong());
            assertEquals(200, file.status(), file.toString());
            assertEquals(new String(attachment, StandardCharsets.UTF_8), file.body());
        }
    }

    @Test
    void restoreIsRefusedWhileAServerHoldsTheDataDir() throws IOException {
        Path archive = backupOfTheServer();

        var refused = AdminTool.run(server.dataDir(), "", "restore", archive.toString(), "--force");

        assertEquals(ExitCodes.DATA_DIR_IN_USE, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("is in use by another Parley server"), refused.toString());
        assertEquals(200, server.anonymous().get("/health").status());
    }

    @Test
    void restoreIntoADataDirWithDataNeedsForce() throws IOException {
        Path archive = backupOfTheServer();
        Path target = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(target.resolve("parley.db"), "someone's data");

        var refused = AdminTool.run(target, "", "restore", archive.toString());

        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.toString());
        assertEquals("someone's data", Files.readString(target.resolve("parley.db")));
        var forced = AdminTool.run(target, "", "restore", archive.toString(), "--force");
        assertEquals(ExitCodes.OK, forced.exitCode(), forced.toString());
        assertEquals(List.of("ok"), column(target.resolve("parley.db"), "PRAGMA integrity_check"));
    }

    @Test
    void anArchiveThatIsNotAParleyBackupChangesNothing() throws IOException {
        Path notZip = Files.writeString(temp.resolve("notes.zip"), "not a zip at all");
        Path foreign = temp.resolve("foreign.zip");
        try (OutputStream out = Files.newOutputStream(foreign);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../etc/evil"));
            zip.write(1);
        }
        Path target = temp.resolve("untouched");

        var notAZip = AdminTool.run(target, "", "restore", notZip.toString());
        var escaping = AdminTool.run(target, "", "restore", foreign.toString());
        var missing =
                AdminTool.run(target, "", "restore", temp.resolve("nothing.zip").toString());

        assertEquals(ExitCodes.BAD_ARCHIVE, notAZip.exitCode(), notAZip.toString());
        assertEquals(ExitCodes.BAD_ARCHIVE, escaping.exitCode(), escaping.toString());
        assertTrue(escaping.err().contains("it holds '../../etc/evil'"), escaping.toString());
        assertEquals(ExitCodes.BAD_ARCHIVE, missing.exitCode(), missing.toString());
        try (var left = Files.list(target)) {
            assertEquals(
                    List.of("parley.lock"),
                    left.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(temp.resolve("etc")));
    }

    @Test
    void aBackupNeverOverwritesAFile() throws IOException {
        Path existing = Files.writeString(temp.resolve("older-backup.zip"), "an older backup");

        var refused = AdminTool.run(server.dataDir(), "", "backup", existing.toString());

        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused.toString());
        assertEquals("an older backup", Files.readString(existing));
    }

    @Test
    void aBackupOfAMissingDataDirIsRefused() {
        var refused = AdminTool.run(
                temp.resolve("nowhere"), "", "backup", temp.resolve("b.zip").toString());

        assertEquals(ExitCodes.NO_DATA_DIR, refused.exitCode(), refused.toString());
        assertFalse(Files.exists(temp.resolve("b.zip")));
    }

    private Path backupOfTheServer() {
        Path archive = temp.resolve("backup-" + System.nanoTime() + ".zip");
        var backup = AdminTool.run(server.dataDir(), "", "backup", archive.toString());
        assertEquals(ExitCodes.OK, backup.exitCode(), backup.toString());
        return archive;
    }

    static List<String> column(Path database, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + database + ": " + e.getMessage(), e);
        }
    }
}
