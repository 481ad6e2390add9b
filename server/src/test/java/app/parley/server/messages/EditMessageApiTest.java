package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Editing one's own messages: the new text everywhere, the earlier ones on request, and who hears of it. */
class EditMessageApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String messagePath(long chat, Object message) {
        return messagesPath(chat) + message + "/";
    }

    private static ApiClient.Response edit(TestUser caller, long chat, Object message, String text) {
        return caller.api().patch(messagePath(chat, message), Map.of("text", text));
    }

    private static List<String> versionTexts(TestUser reader, long chat, long message) {
        ApiClient.Response response = reader.api().get(messagePath(chat, message) + "versions/");
        assertEquals(200, response.status(), response.body());
        return response.json().get("versions").findValuesAsText("text");
    }

    private static List<String> searchTexts(TestUser reader, long chat, String query) {
        return reader.api()
                .get("/api/v1/chats/" + chat + "/search/?query=" + query)
                .json()
                .get("results")
                .findValuesAsText("text");
    }

    @Test
    void theAuthorEditsAMessageAndEveryReaderSeesTheNewTextMarkedEdited() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode sent = send(alice, chat, "meet at nine");
        long id = sent.get("id").asLong();
        assertFalse(sent.has("edited_at"), "a message never edited has no edited_at: " + sent);

        ApiClient.Response response = edit(alice, chat, id, "meet at ten");

        assertEquals(200, response.status(), response.body());
        JsonNode edited = response.json();
        assertEquals("meet at ten", edited.get("text").asText());
        assertEquals(id, edited.get("id").asLong());
        assertEquals(sent.get("time"), edited.get("time"), "the message keeps its place in time");
        assertFalse(Instant.parse(edited.get("edited_at").asText())
                .isBefore(Instant.parse(sent.get("time").asText())));
        JsonNode seen = history(bob, chat).getFirst();
        assertEquals("meet at ten", seen.get("text").asText());
        assertEquals(edited.get("edited_at"), seen.get("edited_at"));
        assertEquals(edited, room(bob, chat).get("last_message"), "the chat list shows the new text");
        assertEquals(List.of("meet at nine", "meet at ten"), versionTexts(bob, chat, id));
        assertEquals(0, unread(alice, chat));
        assertEquals(1, unread(bob, chat), "an edit is not a new message");
    }

    @Test
    void searchFindsTheNewTextAndNoLongerTheOld() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "позвони Антону").get("id").asLong();

        assertEquals(200, edit(alice, chat, id, "позвони Борису").status());

        assertEquals(List.of("позвони Борису"), searchTexts(bob, chat, "Борис"));
        assertEquals(List.of(), searchTexts(bob, chat, "Антон"));
    }

    @Test
    void everyEditKeepsTheTextBeforeItAndTheSameTextAgainChangesNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "one").get("id").asLong();

        edit(alice, chat, id, "two");
        edit(alice, chat, id, "three");
        ApiClient.Response same = edit(alice, chat, id, "three");

        assertEquals(200, same.status(), same.body());
        assertEquals("three", same.json().get("text").asText());
        assertEquals(List.of("one", "two", "three"), versionTexts(alice, chat, id));
        JsonNode versions = alice.api().get(messagePath(chat, id) + "versions/").json();
        assertEquals(chat, versions.get("chat_id").asLong());
        assertEquals(id, versions.get("message_id").asLong());
    }

    @Test
    void onlyTheAuthorEditsAndOnlyMembersSeeTheVersions() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = group(owner, bob);
        long id = send(bob, chat, "bob's words").get("id").asLong();

        assertError(edit(owner, chat, id, "owner's words"), 403, "not_the_author", null);
        assertError(edit(mallory, chat, id, "mallory's words"), 403, "not_a_member", null);
        assertError(mallory.api().get(messagePath(chat, id) + "versions/"), 403, "not_a_member", null);

        assertEquals(List.of("bob's words"), historyTexts(owner, chat));
        assertEquals(List.of("bob's words"), versionTexts(owner, chat, id));
    }

    @Test
    void badTextIsRefusedAndChangesNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long id = send(alice, chat, "as sent").get("id").asLong();

        assertError(edit(alice, chat, id, "   "), 400, "invalid_input", "text");
        assertError(edit(alice, chat, id, "\u200b\u00a0"), 400, "invalid_input", "text");
        assertError(edit(alice, chat, id, "x".repeat(4001)), 400, "invalid_input", "text");
        assertError(alice.api().patch(messagePath(chat, id), Map.of()), 400, "invalid_input", "text");
        assertError(alice.api().patch(messagePath(chat, id), Map.of("text", 5)), 400, "bad_request", "text");

        assertEquals(List.of("as sent"), historyTexts(bob, chat));
        assertFalse(history(bob, chat).getFirst().has("edited_at"));
        assertEquals(List.of("as sent"), versionTexts(alice, chat, id));
        assertEquals(200, edit(alice, chat, id, "x".repeat(4000)).status(), "the limit itself is allowed");
    }

    @Test
    void aDeletedOrUnknownMessageIsNotFound() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = privateChat(alice, bob);
        long other = privateChat(alice, carol);
        long gone = send(alice, chat, "soon gone").get("id").asLong();
        edit(alice, chat, gone, "edited, then gone");
        assertEquals(200, alice.api().delete(messagePath(chat, gone)).status());
        long elsewhere = send(alice, other, "for carol").get("id").asLong();

        assertError(edit(alice, chat, gone, "back again?"), 404, "message_not_found", null);
        assertError(alice.api().get(messagePath(chat, gone) + "versions/"), 404, "message_not_found", null);
        assertError(edit(alice, chat, elsewhere, "through the wrong chat"), 404, "message_not_found", null);
        assertError(edit(alice, chat, "abc", "x"), 400, "invalid_input", "message_id");

        assertEquals(List.of(), history(bob, chat));
        assertEquals(List.of("for carol"), historyTexts(carol, other));
    }

    @Test
    void aMessageMayBeNamedByItsUuid() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode sent = send(alice, chat, "by uuid");

        ApiClient.Response response = edit(alice, chat, sent.get("uuid").asText(), "edited by uuid");

        assertEquals(200, response.status(), response.body());
        assertEquals(List.of("edited by uuid"), historyTexts(bob, chat));
    }

    @Test
    void chatSocketsHearOfTheEditAndMainSocketsToWhenItIsTheLastMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long chat = privateChat(alice, bob);
        long older = send(alice, chat, "older").get("id").asLong();
        long last = send(alice, chat, "last").get("id").asLong();
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob);
                SocketClient outsiderMain = openMain(server, outsider)) {

            JsonNode lastEdited = edit(alice, chat, last, "last, edited").json();

            JsonNode frame = bobChat.next("message_edited");
            assertEquals("last, edited", frame.get("text").asText());
            assertEquals(last, frame.get("id").asLong());
            assertEquals(chat, frame.get("chat_id").asLong());
            assertEquals(lastEdited.get("edited_at"), frame.get("edited_at"));
            assertEquals(frame, aliceChat.next("message_edited"), "the author's other devices too");
            assertEquals(frame, bobMain.next("message_edited"));
            assertEquals(frame, aliceMain.next("message_edited"));
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, outsiderMain);

            edit(alice, chat, older, "older, edited");

            assertEquals(
                    "older, edited", bobChat.next("message_edited").get("text").asText());
            assertEquals(
                    "older, edited",
                    aliceChat.next("message_edited").get("text").asText());
            // The chat list shows the last message only: nothing changed there.
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, outsiderMain);

            edit(alice, chat, older, "older, edited");
            assertSilent(aliceChat, bobChat, aliceMain, bobMain, outsiderMain);
        }
    }

    @Test
    void aMessageWithFilesMayLoseItsText() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        ApiClient.Response upload = alice.api()
                .multipart(
                        "/api/v1/chats/" + chat + "/files/",
                        List.of(ApiClient.Part.file("file", "notes.txt", "text/plain", "hello".getBytes())));
        assertEquals(201, upload.status(), upload.body());
        ApiClient.Response sent = alice.api()
                .post(
                        messagesPath(chat),
                        Map.of(
                                "text",
                                "see the notes",
                                "attachments",
                                List.of(upload.json().get("id").asLong())));
        assertEquals(201, sent.status(), sent.body());

        ApiClient.Response edited = edit(alice, chat, sent.json().get("id").asLong(), "");

        assertEquals(200, edited.status(), edited.body());
        JsonNode seen = history(bob, chat).getFirst();
        assertEquals("", seen.get("text").asText());
        assertTrue(seen.get("attachments").size() == 1, seen.toString());
    }
}
