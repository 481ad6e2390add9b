package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.assertErrorBody;
import static app.parley.server.messages.Conversations.assertNoMessages;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.message;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SendMessageApiTest {
    private static final int MESSAGE_MAX = 20;

    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.limits.message-max", MESSAGE_MAX);

    @Test
    void aMemberSendsAMessageAndGetsTheWholeMessageBack() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ApiClient.Response response = alice.api().post(messagesPath(chat), Map.of("text", "Привет, Боб!"));

        assertEquals(201, response.status(), response.body());
        JsonNode sent = response.json();
        Instant time = Instant.parse(sent.get("time").asText());
        assertTrue(!time.isBefore(before) && !time.isAfter(Instant.now()), time::toString);
        JsonNode expected = message(
                sent.get("id").asLong(),
                sent.get("uuid").asText(),
                chat,
                "Привет, Боб!",
                alice,
                sent.get("time").asText());
        assertEquals(expected, sent);
        assertTrue(sent.get("id").asLong() > 0);
        assertEquals(36, sent.get("uuid").asText().length());
        assertEquals(List.of(expected), history(bob, chat));
        assertEquals(1, unread(bob, chat));
        assertEquals(0, unread(alice, chat));
    }

    @Test
    void theTextMayAlsoComeAsMessageOrContent() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        var asMessage = alice.api().post(messagesPath(chat), Map.of("message", "as message"));
        var asContent = alice.api().post(messagesPath(chat), Map.of("content", "as content"));

        assertEquals(201, asMessage.status(), asMessage.body());
        assertEquals(201, asContent.status(), asContent.body());
        assertEquals("as message", asMessage.json().get("text").asText());
        assertEquals("as content", asContent.json().get("text").asText());
        assertEquals(List.of("as message", "as content"), historyTexts(bob, chat));
    }

    @Test
    void aResendWithTheSameClientMsgIdReturnsTheFirstMessageAndStoresOneRow() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        Map<String, String> body = Map.of("text", "only once", "client_msg_id", "c-42");

        var first = alice.api().post(messagesPath(chat), body);
        var resend = alice.api().post(messagesPath(chat), body);

        assertEquals(201, first.status(), first.body());
        assertEquals(201, resend.status(), resend.body());
        assertEquals(first.json(), resend.json());
        assertEquals("c-42", first.json().get("client_msg_id").asText());
        assertEquals(List.of(first.json()), history(bob, chat));
        assertEquals(1, unread(bob, chat));
    }

    @Test
    void theSameClientMsgIdFromAnotherAuthorOrInAnotherChatIsANewMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long withBob = privateChat(alice, bob);
        long withCarol = privateChat(alice, carol);
        Map<String, String> body = Map.of("text", "hi", "client_msg_id", "same");

        long fromAlice =
                alice.api().post(messagesPath(withBob), body).json().get("id").asLong();
        long fromBob =
                bob.api().post(messagesPath(withBob), body).json().get("id").asLong();
        long inOtherChat =
                alice.api().post(messagesPath(withCarol), body).json().get("id").asLong();

        assertNotEquals(fromAlice, fromBob);
        assertNotEquals(fromAlice, inOtherChat);
        assertEquals(2, history(alice, withBob).size());
        assertEquals(1, history(alice, withCarol).size());
    }

    @Test
    void blankOrMissingTextIsRefusedAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String body : List.of(
                "{\"text\": \"\"}",
                "{\"text\": \"   \\n\\t \"}",
                "{}",
                "{\"text\": null}",
                "{\"client_msg_id\": \"c-1\"}",
                "{\"txt\": \"typo\"}")) {
            assertError(
                    alice.api().postRaw(messagesPath(chat), "application/json", body), 400, "invalid_input", "text");
        }
        assertError(alice.api().postEmpty(messagesPath(chat)), 400, "invalid_input", "text");

        assertNoMessages(bob, chat);
        assertEquals(0, unread(bob, chat));
        assertTrue(room(bob, chat).get("last_message").isNull());
    }

    @Test
    void aTextOfOnlyInvisibleOrNonBreakingSpacesIsBlank() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String text : List.of("\u00A0", "\u00A0 \u00A0", "\u200B", "\u2007\u202F", "\u3000", "\uFEFF\u2060")) {
            assertError(alice.api().post(messagesPath(chat), Map.of("text", text)), 400, "invalid_input", "text");
        }

        assertNoMessages(bob, chat);
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void malformedJsonIsABadRequestAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String body : List.of("{\"text\": \"cut off", "text=hello", "[\"hello\"]", "\"hello\"")) {
            var response = alice.api().postRaw(messagesPath(chat), "application/json", body);
            assertError(response, 400, "bad_request", null);
        }

        assertNoMessages(bob, chat);
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefusedNotStoredAsAQuestionMark() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        // JSON escapes can name half of a UTF-16 pair, which is no character at all.
        for (String text : List.of("\\ud800", "a\\ud800b", "\\udfff", "\\udc00\\ud800", "\\ud83d")) {
            var response = alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": \"" + text + "\"}");
            assertErrorBody(
                    response,
                    400,
                    "invalid_input",
                    "text contains an unpaired surrogate (half of a UTF-16 pair), which is not Unicode text",
                    "text");
        }

        assertNoMessages(bob, chat);
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void aSurrogatePairWrittenAsJsonEscapesIsTheCharacterItNames() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        var response = alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": \"ok \\ud83d\\ude00\"}");

        assertEquals(201, response.status(), response.body());
        assertEquals(List.of("ok \uD83D\uDE00"), historyTexts(bob, chat));
    }

    @Test
    void textOverTheLimitIsRefusedWithTheFieldNamedAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        var response = alice.api().post(messagesPath(chat), Map.of("text", "x".repeat(MESSAGE_MAX + 1)));

        assertErrorBody(response, 400, "invalid_input", "text must be at most 20 characters long", "text");
        assertNoMessages(bob, chat);
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        String exactly = "ж".repeat(MESSAGE_MAX);
        String emoji = "😀".repeat(MESSAGE_MAX);

        send(alice, chat, exactly);
        send(alice, chat, emoji);
        assertError(alice.api().post(messagesPath(chat), Map.of("text", emoji + "😀")), 400, "invalid_input", "text");

        assertEquals(List.of(exactly, emoji), historyTexts(bob, chat));
    }

    @Test
    void textOfTheWrongTypeIsRefusedWithTheFieldNamedAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String body : List.of(
                "{\"text\": 5}",
                "{\"text\": true}",
                "{\"text\": [\"a\"]}",
                "{\"text\": {\"a\": 1}}",
                "{\"text\": 1.5}",
                "{\"content\": 5}")) {
            var response = alice.api().postRaw(messagesPath(chat), "application/json", body);
            assertErrorBody(response, 400, "bad_request", "text has the wrong type", "text");
        }
        assertErrorBody(
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": \"ok\", \"client_msg_id\": 7}"),
                400,
                "bad_request",
                "client_msg_id has the wrong type",
                "client_msg_id");

        assertNoMessages(bob, chat);
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void aBlankOrOverlongClientMsgIdIsRefused() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String clientMsgId : List.of("", "  ", "c".repeat(101))) {
            var response = alice.api().post(messagesPath(chat), Map.of("text", "hi", "client_msg_id", clientMsgId));
            assertError(response, 400, "invalid_input", "client_msg_id");
        }

        assertNoMessages(bob, chat);
    }

    @Test
    void theChatMayBeNamedByIdUuidOrRoomName() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode room = room(alice, chat);
        long group = group(alice, bob);
        JsonNode groupRoom = room(alice, group);

        send(alice, chat, "by id");
        send(alice, room.get("uuid").asText(), "by uuid");
        send(alice, room.get("room_name").asText(), "by room");
        send(alice, groupRoom.get("room_name").asText(), "group room");
        send(alice, groupRoom.get("uuid").asText(), "group uuid");

        assertEquals(
                "private_" + Math.min(alice.id(), bob.id()) + "_" + Math.max(alice.id(), bob.id()),
                room.get("room_name").asText());
        assertEquals("group_" + group, groupRoom.get("room_name").asText());
        assertEquals(List.of("by id", "by uuid", "by room"), historyTexts(bob, chat));
        assertEquals(List.of("group room", "group uuid"), historyTexts(bob, group));
        assertEquals(
                chat,
                history(bob, room.get("room_name").asText())
                        .getFirst()
                        .get("chat_id")
                        .asLong());
    }

    @Test
    void everyOtherMemberOfAGroupHasTheMessageUnread() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(owner, bob, carol);

        JsonNode sent = send(bob, group, "hello group");

        assertEquals(List.of(sent), history(owner, group));
        assertEquals(List.of(sent), history(carol, group));
        assertEquals(1, unread(owner, group));
        assertEquals(1, unread(carol, group));
        assertEquals(0, unread(bob, group));
        assertEquals(sent, room(carol, group).get("last_message"));
    }

    @Test
    void aNonMemberCannotSendAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);
        long group = group(alice, bob);

        assertError(mallory.api().post(messagesPath(chat), Map.of("text", "let me in")), 403, "not_a_member", null);
        assertError(mallory.api().post(messagesPath(group), Map.of("text", "let me in")), 403, "not_a_member", null);
        // Refused as a stranger before the body is even looked at.
        assertError(mallory.api().post(messagesPath(chat), Map.of("text", "")), 403, "not_a_member", null);

        assertNoMessages(alice, chat);
        assertNoMessages(alice, group);
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void anUnknownChatIsNotFoundAndAMalformedChatIdIsABadRequest() {
        TestUser alice = server.register("alice");

        assertError(alice.api().post(messagesPath(999_999), Map.of("text", "hi")), 404, "chat_not_found", null);
        assertError(
                alice.api().post(messagesPath("00000000-0000-0000-0000-000000000000"), Map.of("text", "hi")),
                404,
                "chat_not_found",
                null);
        assertError(
                alice.api().post(messagesPath("private_999998_999999"), Map.of("text", "hi")),
                404,
                "chat_not_found",
                null);
        assertError(
                alice.api().post(messagesPath("not-a-chat"), Map.of("text", "hi")), 400, "invalid_input", "chat_id");
        assertError(alice.api().post(messagesPath(0), Map.of("text", "hi")), 400, "invalid_input", "chat_id");
    }

    @Test
    void sendingWithoutATokenIsUnauthorizedAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        String path = messagesPath(chat);

        for (String each : List.of(path, path.substring(0, path.length() - 1))) {
            assertErrorBody(
                    server.anonymous().post(each, Map.of("text", "anonymous")),
                    401,
                    "unauthorized",
                    "authentication required: send a valid 'Authorization: Bearer <token>' header",
                    null);
            assertError(
                    server.anonymous().withToken("not-a-jwt").post(each, Map.of("text", "anonymous")),
                    401,
                    "invalid_token",
                    null);
        }

        assertNoMessages(alice, chat);
    }

    @Test
    void sendingAnswersWithAndWithoutTheTrailingSlash() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        var withSlash = alice.api().post("/api/v1/chats/" + chat + "/messages/", Map.of("text", "with"));
        var withoutSlash = alice.api().post("/api/v1/chats/" + chat + "/messages", Map.of("text", "without"));

        assertEquals(201, withSlash.status(), withSlash.body());
        assertEquals(201, withoutSlash.status(), withoutSlash.body());
        assertEquals(List.of("with", "without"), historyTexts(bob, chat));
    }

    @Test
    void theTextIsStoredExactlyAsSent() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        String text = "  a\n<b>'\"\\ 🙂  ";

        JsonNode sent = send(alice, chat, text);

        assertEquals(text, sent.get("text").asText());
        assertEquals(List.of(text), historyTexts(bob, chat));
    }
}
