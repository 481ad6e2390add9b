package app.parley.server.messages;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.support.Sockets.openChat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies: a message that answers another carries a short quote of it, as it is now. */
class ReplyApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static ApiClient.Response reply(TestUser author, long chat, Object replyTo, String text) {
        return author.api().post(messagesPath(chat), Map.of("text", text, "reply_to", replyTo));
    }

    @Test
    void aReplyQuotesTheAuthorAndFirstLineOfTheMessageItAnswers() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode question = send(alice, chat, "\n  Пойдём обедать?  \nв час или в два");

        ApiClient.Response response = reply(bob, chat, question.get("id").asLong(), "в два");

        assertEquals(201, response.status(), response.body());
        JsonNode quote = response.json().get("reply_to");
        assertEquals(question.get("id").asLong(), quote.get("id").asLong());
        assertEquals(alice.username(), quote.get("author").get("username").asText());
        assertEquals(alice.id(), quote.get("author").get("id").asLong());
        assertEquals("Пойдём обедать?", quote.get("text").asText());
        assertFalse(quote.get("deleted").asBoolean());
        assertFalse(quote.has("files"), "no files, no count: " + quote);
        JsonNode seen = history(alice, chat).getLast();
        assertEquals(quote, seen.get("reply_to"), "history carries the same quote");
        assertFalse(history(alice, chat).getFirst().has("reply_to"), "a message that answers none has no reply_to");
    }

    @Test
    void theQuoteFollowsAnEditAndSaysWhenTheOriginalWasDeleted() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long question = send(alice, chat, "at nine?").get("id").asLong();
        long answer = reply(bob, chat, question, "yes").json().get("id").asLong();

        alice.api().patch(messagesPath(chat) + question + "/", Map.of("text", "at ten?"));
        assertEquals("at ten?", replyOf(bob, chat, answer).get("text").asText());

        assertEquals(
                200, alice.api().delete(messagesPath(chat) + question + "/").status());
        JsonNode quote = replyOf(bob, chat, answer);
        assertTrue(quote.get("deleted").asBoolean());
        assertEquals(question, quote.get("id").asLong());
        assertFalse(quote.has("text"), "a deleted message is not quoted: " + quote);
        assertFalse(quote.has("author"), "nor its author: " + quote);
    }

    @Test
    void aReplyMayNameTheOriginalByUuidAndQuotesAFileByItsCount() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        ApiClient.Response upload = alice.api()
                .multipart(
                        "/api/v1/chats/" + chat + "/files/",
                        List.of(ApiClient.Part.file("file", "plan.txt", "text/plain", "plan".getBytes())));
        JsonNode withFile = alice.api()
                .post(
                        messagesPath(chat),
                        Map.of(
                                "text",
                                "",
                                "attachments",
                                List.of(upload.json().get("id").asLong())))
                .json();

        ApiClient.Response response = reply(bob, chat, withFile.get("uuid").asText(), "looks good");

        assertEquals(201, response.status(), response.body());
        JsonNode quote = response.json().get("reply_to");
        assertEquals(withFile.get("id").asLong(), quote.get("id").asLong());
        assertEquals("", quote.get("text").asText());
        assertEquals(1, quote.get("files").asInt());
    }

    @Test
    void aReplyToNothingOrToAnotherChatsMessageIsRefusedAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser clara = server.register("clara");
        long chat = privateChat(alice, bob);
        long elsewhere = group(alice, clara);
        long foreign = send(alice, elsewhere, "in another chat").get("id").asLong();
        long gone = send(alice, chat, "soon deleted").get("id").asLong();
        alice.api().delete(messagesPath(chat) + gone + "/");

        assertError(reply(bob, chat, foreign, "x"), 400, "invalid_input", "reply_to");
        assertError(reply(bob, chat, gone, "x"), 400, "invalid_input", "reply_to");
        assertError(reply(bob, chat, 999_999, "x"), 400, "invalid_input", "reply_to");
        assertError(reply(bob, chat, "not an id", "x"), 400, "invalid_input", "reply_to");
        assertError(reply(bob, chat, -3, "x"), 400, "invalid_input", "reply_to");

        assertEquals(List.of(), history(bob, chat));
    }

    @Test
    void anOutsiderCannotReplyIntoAChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser outsider = server.register("outsider");
        long chat = privateChat(alice, bob);
        long question = send(alice, chat, "private").get("id").asLong();

        assertError(reply(outsider, chat, question, "me too"), 403, "not_a_member", null);
        assertEquals(1, history(alice, chat).size());
    }

    @Test
    void aReplySentOverTheChatSocketReachesEveryoneWithItsQuote() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long question = send(alice, chat, "ready?").get("id").asLong();
        try (SocketClient aliceChat = openChat(server, alice, chat);
                SocketClient bobChat = openChat(server, bob, chat)) {

            bobChat.send(Map.of("type", "message", "text", "ready", "client_msg_id", "b-1", "reply_to", question));

            JsonNode frame = aliceChat.next("message");
            assertEquals("ready", frame.get("text").asText());
            assertEquals("ready?", frame.get("reply_to").get("text").asText());
            assertEquals(frame, bobChat.next("message"));
        }
    }

    private static JsonNode replyOf(TestUser reader, long chat, long message) {
        return history(reader, chat).stream()
                .filter(seen -> seen.get("id").asLong() == message)
                .findFirst()
                .orElseThrow()
                .get("reply_to");
    }
}
