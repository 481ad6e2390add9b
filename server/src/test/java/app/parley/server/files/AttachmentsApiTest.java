package app.parley.server.files;

import static app.parley.server.files.FileFixtures.randomBytes;
import static app.parley.server.files.FileFixtures.uploaded;
import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.json;
import static app.parley.server.messages.Conversations.message;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages that carry files uploaded into their chat: what is accepted, what is refused, and where they show. */
class AttachmentsApiTest {
    private static final int MAX_ATTACHMENTS = 10;

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    /** Uploads a small file of unique bytes and returns its description as {@code /info} gives it. */
    private static JsonNode file(TestUser uploader, long chat, String name) {
        JsonNode uploaded = uploaded(
                uploader, chat, name, "application/octet-stream", randomBytes(200, (long) name.hashCode() * 31 + chat));
        return info(uploader, uploaded.get("id").asLong());
    }

    private static JsonNode info(TestUser reader, long fileId) {
        ApiClient.Response response = reader.api().get("/api/v1/files/" + fileId + "/info");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static long id(JsonNode file) {
        return file.get("id").asLong();
    }

    private static ApiClient.Response sendWith(TestUser author, long chat, String text, Object... attachments) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("attachments", List.of(attachments));
        return author.api().post(messagesPath(chat), body);
    }

    /** The message as the API shows it, with these attachments. */
    private static JsonNode withAttachments(JsonNode sent, TestUser author, long chat, String text, JsonNode... files) {
        ObjectNode expected = (ObjectNode) message(
                        sent.get("id").asLong(),
                        sent.get("uuid").asText(),
                        chat,
                        text,
                        author,
                        sent.get("time").asText())
                .deepCopy();
        expected.putArray("attachments").addAll(List.of(files));
        return json(expected);
    }

    /** A refusal that names {@code attachments}, after which the chat's history is what it was. */
    private static void assertRefused(
            ApiClient.Response response, TestUser reader, long chat, List<JsonNode> historyBefore) {
        assertError(response, 400, "invalid_input", "attachments");
        assertEquals(historyBefore, history(reader, chat));
    }

    // --- Sending -----------------------------------------------------------------------------

    @Test
    void aMessageOfFilesOnlyIsTheChatListsLastMessageWithItsFiles() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        JsonNode photo = file(alice, chat, "photo.png");
        JsonNode notes = file(alice, chat, "notes.txt");
        ApiClient.Response sent = sendWith(alice, chat, "", id(photo), id(notes));
        assertEquals(201, sent.status(), sent.body());

        for (TestUser reader : List.of(alice, bob)) {
            ApiClient.Response list = reader.api().get("/api/v1/chats");
            assertEquals(200, list.status(), list.body());
            JsonNode room = list.json().get("rooms").get(0);
            assertEquals(chat, room.get("id").asLong());
            assertEquals(withAttachments(sent.json(), alice, chat, "", photo, notes), room.get("last_message"));
        }
    }

    @Test
    void aMessageCarriesTheListedFilesInTheOrderGiven() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        JsonNode notes = file(alice, chat, "notes.bin");
        JsonNode picture = info(alice, id(uploaded(alice, chat, "pic.png", "image/png", TestImages.png(1))));

        ApiClient.Response response =
                sendWith(alice, chat, "look", id(picture), notes.get("uuid").asText());

        assertEquals(201, response.status(), response.toString());
        JsonNode sent = response.json();
        assertEquals(withAttachments(sent, alice, chat, "look", picture, notes), sent);
        assertEquals(List.of(sent), history(bob, chat));
        assertArrayEquals(
                alice.api().get("/api/v1/files/" + id(notes)).bytes(),
                bob.api().get(notes.get("url").asText()).bytes());
        assertEquals(200, bob.api().get(picture.get("thumbnail_url").asText()).status());
    }

    @Test
    void withAttachmentsTheTextMayBeEmptyOrLeftOut() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode first = file(alice, chat, "a.bin");
        JsonNode second = file(alice, chat, "b.bin");

        ApiClient.Response empty = sendWith(alice, chat, "", id(first));
        ApiClient.Response absent = alice.api().post(messagesPath(chat), Map.of("attachments", List.of(id(second))));

        assertEquals(201, empty.status(), empty.toString());
        assertEquals(withAttachments(empty.json(), alice, chat, "", first), empty.json());
        assertEquals(201, absent.status(), absent.toString());
        assertEquals(withAttachments(absent.json(), alice, chat, "", second), absent.json());
        assertEquals(List.of(empty.json(), absent.json()), history(alice, chat));
    }

    @Test
    void withoutAttachmentsAnEmptyTextIsStillRefused() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        assertError(sendWith(alice, chat, ""), 400, "invalid_input", "text");
        assertError(
                alice.api().post(messagesPath(chat), Map.of("attachments", List.of())), 400, "invalid_input", "text");
        assertEquals(List.of(), history(alice, chat));
    }

    @Test
    void aMessageWithoutAttachmentsHasNoAttachmentsField() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode sent = send(alice, chat, "plain");

        assertFalse(sent.has("attachments"), sent.toString());
        assertFalse(history(alice, chat).getFirst().has("attachments"));
    }

    @Test
    void attachmentsMayBeListedAsObjectsWithAnIdOrUnderTheNameFileIds() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode first = file(alice, chat, "a.bin");
        JsonNode second = file(alice, chat, "b.bin");

        ApiClient.Response asObjects = alice.api()
                .post(messagesPath(chat), Map.of("text", "objects", "attachments", List.of(Map.of("id", id(first)))));
        ApiClient.Response asFileIds = alice.api()
                .post(
                        messagesPath(chat),
                        Map.of(
                                "text",
                                "file_ids",
                                "file_ids",
                                List.of(second.get("uuid").asText())));

        assertEquals(201, asObjects.status(), asObjects.toString());
        assertEquals(withAttachments(asObjects.json(), alice, chat, "objects", first), asObjects.json());
        assertEquals(201, asFileIds.status(), asFileIds.toString());
        assertEquals(withAttachments(asFileIds.json(), alice, chat, "file_ids", second), asFileIds.json());
    }

    @Test
    void theMostAttachmentsAllowedAreAccepted() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        List<JsonNode> files = new ArrayList<>();
        for (int i = 0; i < MAX_ATTACHMENTS; i++) {
            files.add(file(alice, chat, "f" + i + ".bin"));
        }

        ApiClient.Response response = sendWith(
                alice, chat, "ten", files.stream().map(AttachmentsApiTest::id).toArray());

        assertEquals(201, response.status(), response.toString());
        assertEquals(
                withAttachments(response.json(), alice, chat, "ten", files.toArray(JsonNode[]::new)), response.json());
    }

    // --- Refusals ----------------------------------------------------------------------------

    @Test
    void moreAttachmentsThanAllowedAreRefusedAndNothingIsStored() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        send(alice, chat, "before");
        List<JsonNode> before = history(alice, chat);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i <= MAX_ATTACHMENTS; i++) {
            ids.add(id(file(alice, chat, "f" + i + ".bin")));
        }

        assertRefused(sendWith(alice, chat, "eleven", ids.toArray()), alice, chat, before);
        // None of them was attached: ten of them still go out together.
        assertEquals(
                201,
                sendWith(alice, chat, "ten", ids.subList(0, MAX_ATTACHMENTS).toArray())
                        .status());
    }

    @Test
    void aFileSomeoneElseUploadedCannotBeAttached() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        JsonNode bobs = file(bob, chat, "bobs.bin");
        List<JsonNode> before = history(alice, chat);

        assertRefused(sendWith(alice, chat, "mine now", id(bobs)), alice, chat, before);
        assertRefused(sendWith(alice, chat, "mine now", bobs.get("uuid").asText()), alice, chat, before);
        assertEquals(201, sendWith(bob, chat, "mine", id(bobs)).status(), "the uploader can still attach it");
    }

    @Test
    void aFileFromAnotherChatCannotBeAttached() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        long otherChat = group(alice);
        JsonNode elsewhere = file(alice, otherChat, "secret.bin");
        List<JsonNode> before = history(bob, chat);

        assertRefused(sendWith(alice, chat, "see this", id(elsewhere)), bob, chat, before);
        assertEquals(403, bob.api().get(elsewhere.get("url").asText()).status(), "bob still cannot read it");
        assertEquals(201, sendWith(alice, otherChat, "here", id(elsewhere)).status());
    }

    @Test
    void aFileAlreadyOnAMessageCannotBeAttachedAgain() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode once = file(alice, chat, "once.bin");
        assertEquals(201, sendWith(alice, chat, "first", id(once)).status());
        List<JsonNode> before = history(alice, chat);

        assertRefused(sendWith(alice, chat, "again", id(once)), alice, chat, before);
        assertRefused(sendWith(alice, chat, "again", once.get("uuid").asText()), alice, chat, before);
    }

    @Test
    void theSameFileListedTwiceIsRefused() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode twice = file(alice, chat, "twice.bin");
        List<JsonNode> before = history(alice, chat);

        assertRefused(sendWith(alice, chat, "double", id(twice), id(twice)), alice, chat, before);
        assertRefused(
                sendWith(alice, chat, "double", id(twice), twice.get("uuid").asText()), alice, chat, before);
        assertEquals(
                201, sendWith(alice, chat, "single", id(twice)).status(), "the file was not attached by the refusals");
    }

    @Test
    void unknownOrMalformedFileReferencesAreRefused() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode good = file(alice, chat, "good.bin");
        List<JsonNode> before = history(alice, chat);

        for (Object bad :
                List.of(999_999, "3f0e8c2c-7a43-4a55-9d59-0d8a3c3c8f11", "not-an-id", 0, -5, true, Map.of())) {
            assertRefused(sendWith(alice, chat, "bad", id(good), bad), alice, chat, before);
        }
        assertEquals(
                201,
                sendWith(alice, chat, "good", id(good)).status(),
                "the good file was not attached by the refusals");
    }

    @Test
    void attachmentsThatAreNotAListAreABadRequest() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode good = file(alice, chat, "good.bin");

        ApiClient.Response response =
                alice.api().post(messagesPath(chat), Map.of("text", "x", "attachments", id(good)));

        assertEquals(400, response.status(), response.toString());
        assertEquals("attachments", response.json().path("field").asText(), response.toString());
        assertEquals(List.of(), history(alice, chat));
    }

    @Test
    void someoneOutsideTheChatCannotSendItsFiles() {
        TestUser alice = server.register("alice");
        TestUser carol = server.register("carol");
        long chat = group(alice);
        JsonNode file = file(alice, chat, "a.bin");

        assertError(sendWith(carol, chat, "hi", id(file)), 403, "not_a_member", null);
        assertEquals(List.of(), history(alice, chat));
    }

    // --- Where attachments show ---------------------------------------------------------------

    @Test
    void theChatSocketDeliversAndReplaysTheAttachments() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        JsonNode picture = info(alice, id(uploaded(alice, chat, "pic.png", "image/png", TestImages.png(2))));
        JsonNode notes = file(alice, chat, "notes.bin");
        JsonNode sent;

        try (SocketClient bobChat = SocketClient.open(server, bob, "/api/v1/chat/" + chat)) {
            bobChat.next("history");
            ApiClient.Response response = sendWith(alice, chat, "with files", id(picture), id(notes));
            assertEquals(201, response.status(), response.toString());
            sent = response.json();

            JsonNode delivered = bobChat.next("message");

            assertEquals(withAttachments(sent, alice, chat, "with files", picture, notes), delivered);
        }
        try (SocketClient again = SocketClient.open(server, bob, "/api/v1/chat/" + chat)) {
            JsonNode replay = again.next("history");
            assertEquals(List.of(sent), List.of(replay.get("messages").get(0)));
        }
    }

    @Test
    void aResendWithTheSameClientMsgIdReturnsTheOriginalWithItsAttachments() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        JsonNode first = file(alice, chat, "a.bin");
        JsonNode other = file(alice, chat, "b.bin");
        Map<String, Object> body =
                Map.of("text", "once", "client_msg_id", "c-files", "attachments", List.of(id(first)));

        ApiClient.Response original = alice.api().post(messagesPath(chat), body);
        ApiClient.Response resent = alice.api().post(messagesPath(chat), body);
        ApiClient.Response resentOther = alice.api()
                .post(
                        messagesPath(chat),
                        Map.of("text", "once", "client_msg_id", "c-files", "attachments", List.of(id(other))));

        assertEquals(201, original.status(), original.toString());
        JsonNode expected = ((ObjectNode) withAttachments(original.json(), alice, chat, "once", first)
                        .deepCopy())
                .put("client_msg_id", "c-files");
        assertEquals(json(expected), original.json());
        assertEquals(original.json(), resent.json(), resent.toString());
        assertEquals(original.json(), resentOther.json(), resentOther.toString());
        assertEquals(List.of(original.json()), history(alice, chat));
        assertEquals(
                201, sendWith(alice, chat, "other", id(other)).status(), "the resend did not attach the other file");
    }
}
