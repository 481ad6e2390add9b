package app.parley.server.messages;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.historyTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.server.errors.InvalidInputException;
import app.parley.server.files.ChatFileService;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.List;
import java.util.OptionalLong;
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
}
