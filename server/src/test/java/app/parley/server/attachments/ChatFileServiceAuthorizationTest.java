package app.parley.server.attachments;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.historyTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.model.common.IdRef;
import app.parley.model.message.SendMessageRequest;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.files.StoredFile;
import app.parley.server.files.Upload;
import app.parley.server.messages.MessageService;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may upload, read and attach files is decided by {@link ChatFileService} itself, so seed
 * 000's JSON upload, the multipart upload and every message path get the same answer.
 */
class ChatFileServiceAuthorizationTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static ChatFileService files;
    private static MessageService messages;
    private static TestUser alice;
    private static TestUser bob;
    private static TestUser outsider;
    private static long chat;
    private static StoredFile alicesFile;

    @BeforeAll
    static void aGroupWithAFileAndAnOutsider() {
        files = server.bean(ChatFileService.class);
        messages = server.bean(MessageService.class);
        alice = server.register("alice");
        bob = server.register("bob");
        outsider = server.register("outsider");
        chat = group(alice, bob);
        alicesFile = files.upload(alice.id(), chat, upload("notes.txt", "alice's notes"), OptionalLong.empty());
    }

    private static Upload upload(String name, String content) {
        return new Upload(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anOutsiderCannotUploadIntoTheChatAndNothingIsCounted() {
        long usedBefore = files.usage(outsider.id()).usedBytes();

        var refused = assertThrows(
                ForbiddenException.class,
                () -> files.upload(outsider.id(), chat, upload("x.txt", "sneaky"), OptionalLong.empty()));

        assertEquals("not_a_member", refused.code());
        assertEquals(usedBefore, files.usage(outsider.id()).usedBytes());
    }

    @Test
    void anOutsiderCannotReadAFileOfTheChatByIdOrUuid() {
        for (IdRef ref : List.of(
                new IdRef.Numeric(alicesFile.id()), new IdRef.Uuid(java.util.UUID.fromString(alicesFile.uuid())))) {
            var refused = assertThrows(ForbiddenException.class, () -> files.requireReadable(outsider.id(), ref));
            assertEquals("not_a_member", refused.code());
        }
    }

    @Test
    void anotherMemberReadsTheFileButCannotAttachItAsTheirOwn() {
        assertEquals(
                alicesFile.id(),
                files.requireReadable(bob.id(), new IdRef.Numeric(alicesFile.id()))
                        .id());
        List<String> before = historyTexts(alice, chat);

        var refused = assertThrows(
                InvalidInputException.class,
                () -> messages.send(
                        bob.id(),
                        chat,
                        new SendMessageRequest("mine now", null, List.of(new IdRef.Numeric(alicesFile.id())))));

        assertEquals("attachments", refused.field());
        assertEquals(before, historyTexts(alice, chat));
    }

    @Test
    void theUploaderAttachesTheFileOnceAndTheMessageCarriesIt() {
        StoredFile file = files.upload(alice.id(), chat, upload("once.txt", "attach me once"), OptionalLong.empty());

        var sent = messages.send(
                        alice.id(),
                        chat,
                        new SendMessageRequest(
                                "", null, List.of(new IdRef.Uuid(java.util.UUID.fromString(file.uuid())))))
                .message();
        var again = assertThrows(
                InvalidInputException.class,
                () -> messages.send(
                        alice.id(),
                        chat,
                        new SendMessageRequest("again", null, List.of(new IdRef.Numeric(file.id())))));

        assertEquals(
                List.of(file.id()), sent.attachments().stream().map(a -> a.id()).toList());
        assertEquals("attachments", again.field());
    }
}
