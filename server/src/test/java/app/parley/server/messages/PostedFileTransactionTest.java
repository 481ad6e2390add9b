package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.historyTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.server.attachments.ChatFileService;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.files.Upload;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A file posted into a chat (seed 000's {@code upload_file}) and the message that carries it are
 * stored together or not at all. Here no message may carry a file, so every carrier is refused.
 */
class PostedFileTransactionTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.files.max-attachments-per-message", 0);

    @Test
    void aCarrierMessageThatCannotBeStoredLeavesNoFileBehind() {
        MessageService messages = server.bean(MessageService.class);
        ChatFileService files = server.bean(ChatFileService.class);
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);

        var refused = assertThrows(
                InvalidInputException.class,
                () -> messages.sendFile(
                        alice.id(),
                        chat,
                        MessageServiceAuthorizationTest.upload("notes.txt", "never kept"),
                        OptionalLong.empty()));

        assertEquals("attachments", refused.field());
        assertEquals(0, files.usage(alice.id()).usedBytes());
        assertEquals(List.of(), historyTexts(bob, chat));
    }

    @Test
    void aCarrierMessageThatCannotBeStoredLeavesNoBytesOnDiskEitherNorAThumbnail() throws IOException {
        MessageService messages = server.bean(MessageService.class);
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        List<Path> before = storedContent();
        byte[] picture = TestImages.image(400, 300, 77, "jpeg");

        assertThrows(
                InvalidInputException.class,
                () -> messages.sendFile(
                        alice.id(),
                        chat,
                        new Upload("picture.jpg", new ByteArrayInputStream(picture)),
                        OptionalLong.empty()));

        assertEquals(before, storedContent());
    }

    /** Every file under the data dir's files/, the incoming area included. */
    private static List<Path> storedContent() throws IOException {
        try (Stream<Path> all = Files.walk(server.dataDir().resolve("files"))) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
