package app.parley.server.agent;

import static app.parley.server.agent.AgentFixtures.agentChat;
import static app.parley.server.agent.AgentFixtures.agentInfo;
import static app.parley.server.agent.AgentFixtures.bot;
import static app.parley.server.agent.AgentFixtures.chatSocket;
import static app.parley.server.agent.AgentFixtures.framesUntilStopTyping;
import static app.parley.server.agent.AgentFixtures.nextBotMessage;
import static app.parley.server.agent.AgentFixtures.send;
import static app.parley.server.agent.FakeModelServer.streaming;
import static app.parley.server.agent.FakeModelServer.turns;
import static app.parley.server.agent.FakeModelServer.whole;
import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.json;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.support.Sockets.assertSilentFor;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Talking with the AI agent against a fake OpenAI-compatible model server: the reply streamed
 * to the member's socket and stored in the conversation, what the model server is sent, the
 * agent's own endpoints, seed 004's {@code is_ai}, groups that include the bot, non-streaming
 * answers and replies longer than a message.
 */
class AgentConversationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "test-model-7b";
    private static final String API_KEY = "sk-conversation-key-77";
    private static final String SYSTEM_PROMPT = "You are the test bot. Answer in one line.";
    private static final int CONTEXT = 3;
    private static final int MESSAGE_MAX = 100;

    private static final FakeModelServer fake = FakeModelServer.start();

    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.agent.endpoint", fake.baseUrl())
            .withProperty("parley.agent.model", MODEL)
            .withProperty("parley.agent.api-key", API_KEY)
            .withProperty("parley.agent.system-prompt", SYSTEM_PROMPT)
            .withProperty("parley.agent.max-context-messages", CONTEXT)
            .withProperty("parley.agent.request-timeout", "10s")
            .withProperty("parley.limits.message-max", MESSAGE_MAX);

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static JsonNode userRef(long id, String name, String username) {
        return json(JSON.createObjectNode().put("id", id).put("name", name).put("username", username));
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.path("type").asText()).toList();
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theReplyReachesTheMembersSocketAsTypingThenTheTextSoFarThenTheMessageThenStopTyping() {
        TestUser alice = server.register("alice");
        JsonNode bot = bot(alice);
        long botId = bot.get("id").asLong();
        long chat = agentChat(alice);
        fake.when("what is the answer", streaming("The ", "answer ", "is ", "42."));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            JsonNode question = send(alice, chat, "what is the answer?");
            List<JsonNode> frames = framesUntilStopTyping(socket, botId);

            String sequence = String.join(" ", types(frames));
            assertTrue(
                    sequence.matches("message typing( agent_reply){2,} message stop_typing"), sequence + ": " + frames);
            assertEquals(question.get("id"), frames.get(0).get("id"), frames.toString());

            ObjectNode typing = JSON.createObjectNode().put("type", "typing").put("chat_id", chat);
            typing.set("author", bot);
            assertEquals(json(typing), frames.get(1));
            ObjectNode stopTyping = typing.deepCopy().put("type", "stop_typing");
            assertEquals(json(stopTyping), frames.getLast());

            String replyId = "agent-reply-" + question.get("id").asLong();
            JsonNode reply = frames.get(frames.size() - 2);
            assertEquals("The answer is 42.", reply.get("text").asText(), reply.toString());
            assertEquals(bot, reply.get("author"));
            assertEquals(chat, reply.get("chat_id").asLong());
            assertEquals(replyId, reply.get("client_msg_id").asText(), reply.toString());

            List<JsonNode> partials = frames.subList(2, frames.size() - 2);
            String previous = "";
            for (JsonNode partial : partials) {
                assertEquals(
                        Set.of("type", "chat_id", "reply_id", "author", "text"), keys(partial), partial.toString());
                assertEquals(chat, partial.get("chat_id").asLong());
                assertEquals(replyId, partial.get("reply_id").asText());
                assertEquals(bot, partial.get("author"));
                String text = partial.get("text").asText();
                // The text so far: it grows with every frame and is the start of the reply.
                assertTrue(text.length() > previous.length() && text.startsWith(previous), partials.toString());
                assertTrue("The answer is 42.".startsWith(text.strip()), partials.toString());
                previous = text;
            }
            assertEquals("The ", partials.getFirst().get("text").asText());
        }
    }

    @Test
    void theReplyIsStoredInTheConversationAsTheBotsMessageAndCountedUnreadForTheMember() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("store me", streaming("Stored ", "reply."));

        JsonNode live;
        try (SocketClient socket = chatSocket(server, alice, chat)) {
            JsonNode question = send(alice, chat, "store me");
            live = nextBotMessage(socket, botId);
            assertEquals(
                    "agent-reply-" + question.get("id").asLong(),
                    live.get("client_msg_id").asText());
        }

        List<JsonNode> stored = history(alice, chat);
        assertEquals(
                List.of("store me", "Stored reply."),
                stored.stream().map(m -> m.get("text").asText()).toList());
        assertEquals(botId, stored.get(1).get("author").get("id").asLong());
        assertEquals(live.get("id"), stored.get(1).get("id"));
        assertEquals(live.get("uuid"), stored.get(1).get("uuid"));
        assertEquals(1, unread(alice, chat));
    }

    @Test
    void theModelServerIsAskedForAStreamWithTheModelTheSystemPromptAndTheApiKeyAsBearer() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            send(alice, chat, "first words to the bot");
            nextBotMessage(socket, botId);
        }

        List<FakeModelServer.Request> requests = fake.requestsFor("first words to the bot");
        assertEquals(1, requests.size(), requests.toString());
        FakeModelServer.Request request = requests.getFirst();
        assertEquals("POST", request.method());
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer " + API_KEY, request.authorization());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        ObjectNode expected = JSON.createObjectNode().put("model", MODEL).put("stream", true);
        expected.putArray("messages")
                .add(JSON.createObjectNode().put("role", "system").put("content", SYSTEM_PROMPT))
                .add(JSON.createObjectNode().put("role", "user").put("content", "first words to the bot"));
        assertEquals(expected, request.body());
    }

    @Test
    void onlyTheLatestMaxContextMessagesAreSentOldestFirstAfterTheSystemPromptWithTheBotsOwnAsAssistant() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("context one", streaming("Reply one."));
        fake.when("context two", streaming("Reply two."));
        fake.when("context three", streaming("Reply three."));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            for (String text : List.of("context one", "context two", "context three")) {
                send(alice, chat, text);
                nextBotMessage(socket, botId);
            }
        }

        assertEquals(
                List.of(
                        Map.of("role", "system", "content", SYSTEM_PROMPT),
                        Map.of("role", "user", "content", "context one")),
                turns(fake.requestsFor("context one").getFirst()));
        assertEquals(
                List.of(
                        Map.of("role", "system", "content", SYSTEM_PROMPT),
                        Map.of("role", "user", "content", "context one"),
                        Map.of("role", "assistant", "content", "Reply one."),
                        Map.of("role", "user", "content", "context two")),
                turns(fake.requestsFor("context two").getFirst()));
        // Five messages by now; only the latest three go, oldest first.
        assertEquals(
                List.of(
                        Map.of("role", "system", "content", SYSTEM_PROMPT),
                        Map.of("role", "user", "content", "context two"),
                        Map.of("role", "assistant", "content", "Reply two."),
                        Map.of("role", "user", "content", "context three")),
                turns(fake.requestsFor("context three").getFirst()));
    }

    @Test
    void twoQuickMessagesAreAnsweredOneAfterTheOtherEachWithItsOwnMessageLastInTheContext() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("quick first", FakeModelServer.delayed(Duration.ofMillis(800), streaming("First reply.")));
        fake.when("quick second", streaming("Second reply."));

        JsonNode first;
        JsonNode second;
        List<JsonNode> replies = new ArrayList<>();
        try (SocketClient socket = chatSocket(server, alice, chat)) {
            first = send(alice, chat, "quick first");
            second = send(alice, chat, "quick second");
            replies.add(nextBotMessage(socket, botId));
            replies.add(nextBotMessage(socket, botId));
        }

        List<FakeModelServer.Request> requests = fake.requestsMentioning("quick first");
        assertEquals(2, requests.size(), requests.toString());
        FakeModelServer.Request forSecond = requests.get(1);
        assertTrue(
                forSecond.receivedNanos()
                        > requests.get(0).receivedNanos()
                                + Duration.ofMillis(700).toNanos(),
                "the second reply was asked for while the first was still being made");
        // The second reply answers the second message: that message is the last turn the model sees,
        // not the bot's own reply to the first (which would ask the model to go on with that).
        List<Map<String, String>> turns = turns(forSecond);
        assertEquals(Map.of("role", "user", "content", "quick second"), turns.getLast(), turns.toString());
        assertEquals("First reply.", replies.get(0).get("text").asText());
        assertEquals(
                "agent-reply-" + first.get("id").asLong(),
                replies.get(0).get("client_msg_id").asText());
        assertEquals("Second reply.", replies.get(1).get("text").asText());
        assertEquals(
                "agent-reply-" + second.get("id").asLong(),
                replies.get(1).get("client_msg_id").asText());
    }

    @Test
    void theBotsOwnRepliesAreNeverSentBackToTheModelAsNewQuestions() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        int before = fake.requests().size();

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            send(alice, chat, "just one question");
            framesUntilStopTyping(socket, botId);
            assertSilentFor(Duration.ofMillis(500), socket);
        }

        assertEquals(1, fake.requests().size() - before, fake.requests().toString());
        assertEquals(2, history(alice, chat).size());
    }

    @Test
    void aChatWithoutTheBotIsNeverSentToTheModel() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        ApiClient.Response opened = alice.api().post("/api/v1/chat/" + bob.id(), Map.of());
        assertEquals(200, opened.status(), opened.toString());
        long chat = opened.json().get("chat").get("id").asLong();

        send(alice, chat, "people only, no bot here");

        await().during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(2))
                .until(() -> fake.requestsFor("people only, no bot here").isEmpty());
        assertEquals(1, history(bob, chat).size());
    }

    @Test
    void inAGroupThatIncludesTheBotEachMembersMessageIsSentPrefixedWithTheirName() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        ApiClient.Response renamed = alice.api().post("/api/v1/user", Map.of("name", "Alice Liddell"));
        assertEquals(200, renamed.status(), renamed.toString());
        long botId = bot(alice).get("id").asLong();
        ApiClient.Response created = alice.api()
                .post(
                        "/api/v1/group",
                        Map.of("name", "with the bot", "users", List.of(Map.of("id", bob.id()), Map.of("id", botId))));
        assertEquals(200, created.status(), created.toString());
        long group = created.json().get("group").get("id").asLong();
        fake.when("hello group", streaming("Hello ", "both."));
        fake.when("me too", streaming("Noted."));

        try (SocketClient socket = chatSocket(server, bob, group)) {
            send(alice, group, "hello group");
            assertEquals(
                    "Hello both.", nextBotMessage(socket, botId).get("text").asText());
            send(bob, group, "me too");
            assertEquals("Noted.", nextBotMessage(socket, botId).get("text").asText());
        }

        assertEquals(
                List.of(
                        Map.of("role", "system", "content", SYSTEM_PROMPT),
                        Map.of("role", "user", "content", "Alice Liddell: hello group")),
                turns(fake.requestsFor("hello group").getFirst()));
        assertEquals(
                List.of(
                        Map.of("role", "system", "content", SYSTEM_PROMPT),
                        Map.of("role", "user", "content", "Alice Liddell: hello group"),
                        Map.of("role", "assistant", "content", "Hello both."),
                        Map.of("role", "user", "content", bob.username() + ": me too")),
                turns(fake.requestsFor("me too").getFirst()));
        // Alice has not read Bob's message nor the bot's two replies; Bob, who wrote last, only the last reply.
        assertEquals(3, unread(alice, group));
        assertEquals(1, unread(bob, group));
    }

    @Test
    void anEndpointThatAnswersWithOneJsonBodyInsteadOfAStreamIsUnderstood() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("no streaming please", whole("A plain, whole answer."));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            JsonNode question = send(alice, chat, "no streaming please");
            JsonNode reply = nextBotMessage(socket, botId);
            assertEquals("A plain, whole answer.", reply.get("text").asText());
            assertEquals(
                    "agent-reply-" + question.get("id").asLong(),
                    reply.get("client_msg_id").asText());
        }
        assertEquals(
                "A plain, whole answer.",
                history(alice, chat).getLast().get("text").asText());
    }

    @Test
    void aReplyLongerThanTheMessageLimitIsPostedAsSeveralMessagesInOrder() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        String first = "a".repeat(60);
        String second = "b".repeat(60);
        String third = "c".repeat(60);
        String whole = first + second + third; // 180 characters with a limit of 100
        fake.when("tell me a long story", streaming(first, second, third));

        List<JsonNode> replies = new ArrayList<>();
        try (SocketClient socket = chatSocket(server, alice, chat)) {
            JsonNode question = send(alice, chat, "tell me a long story");
            replies.add(nextBotMessage(socket, botId));
            replies.add(nextBotMessage(socket, botId));
            String replyId = "agent-reply-" + question.get("id").asLong();
            assertEquals(replyId, replies.get(0).get("client_msg_id").asText());
            assertNotEquals(replyId, replies.get(1).get("client_msg_id").asText());
        }

        assertEquals(whole.substring(0, MESSAGE_MAX), replies.get(0).get("text").asText());
        assertEquals(whole.substring(MESSAGE_MAX), replies.get(1).get("text").asText());
        List<String> stored =
                history(alice, chat).stream().map(m -> m.get("text").asText()).toList();
        assertEquals(
                List.of("tell me a long story", whole.substring(0, MESSAGE_MAX), whole.substring(MESSAGE_MAX)), stored);
        assertEquals(2, unread(alice, chat));
    }

    @Test
    void getAgentSaysAvailableWithTheBotAndTheModelAndNothingElse() {
        TestUser alice = server.register("alice");

        JsonNode info = agentInfo(alice);

        assertEquals(Set.of("available", "user", "model"), keys(info), info.toString());
        assertTrue(info.get("available").asBoolean(), info.toString());
        assertEquals(MODEL, info.get("model").asText());
        assertEquals(userRef(info.get("user").get("id").asLong(), "Parley AI", "parley-ai"), info.get("user"));
        assertEquals(info, agentInfo(server.register("bob")));
        assertEquals(401, server.anonymous().get("/api/v1/agent").status());
    }

    @Test
    void theAgentConversationIsTheCallersOwnPrivateChatWithTheBotAndTheSameOnEveryCall() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        JsonNode bot = bot(alice);

        ApiClient.Response first = alice.api().postEmpty("/api/v1/agent/conversation");
        ApiClient.Response again = alice.api().post("/api/v1/agent/conversation/", Map.of());
        ApiClient.Response bobs = bob.api().postEmpty("/api/v1/agent/conversation");

        assertEquals(200, first.status(), first.toString());
        JsonNode room = first.json();
        assertEquals("private", room.get("type").asText(), room.toString());
        assertEquals(bot, room.get("other_user"), room.toString());
        assertEquals("Parley AI", room.get("name").asText(), room.toString());
        assertEquals(room, again.json());
        assertEquals(200, bobs.status(), bobs.toString());
        assertNotEquals(room.get("id"), bobs.json().get("id"));
        // Alice's chat with the bot is hers: Bob cannot read it.
        assertEquals(
                403,
                bob.api()
                        .get("/api/v1/chats/" + room.get("id").asLong() + "/messages/")
                        .status());
        ApiClient.Response direct =
                alice.api().post("/api/v1/chat/" + bot.get("id").asLong(), Map.of());
        assertEquals(room.get("id"), direct.json().get("chat").get("id"), direct.toString());
    }

    @Test
    void seed004IsAiTrueAnswersTheSameConversationWithTheBotMarkedAsAi() {
        TestUser alice = server.register("alice");
        JsonNode room = alice.api().postEmpty("/api/v1/agent/conversation").json();

        ApiClient.Response response = alice.api().post("/api/conversations", Map.of("is_ai", true));
        ApiClient.Response again = alice.api().post("/api/conversations/", Map.of("is_ai", true));

        assertEquals(200, response.status(), response.toString());
        JsonNode conversation = response.json();
        assertEquals(
                room.get("uuid").asText(), conversation.get("conversation_id").asText(), conversation.toString());
        assertTrue(conversation.get("is_ai").asBoolean(), conversation.toString());
        assertEquals(2, conversation.get("participants").size(), conversation.toString());
        List<String> names = new ArrayList<>();
        conversation.get("participants").forEach(p -> names.add(p.get("name").asText()));
        assertTrue(names.contains("Parley AI"), names.toString());
        assertEquals(200, again.status(), again.toString());
        assertEquals(conversation, again.json());

        // A new member's first is_ai conversation is made on the spot, the same one the v1 API then answers.
        TestUser bob = server.register("bob");
        ApiClient.Response bobs = bob.api().post("/api/conversations", Map.of("is_ai", true));
        assertEquals(200, bobs.status(), bobs.toString());
        assertEquals(
                bobs.json().get("conversation_id").asText(),
                bob.api()
                        .postEmpty("/api/v1/agent/conversation")
                        .json()
                        .get("uuid")
                        .asText());
    }

    @Test
    void theBotIsShownAsABot() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();

        ApiClient.Response profile = alice.api().get("/api/v1/user/" + botId);
        ApiClient.Response person = alice.api().get("/api/v1/user/" + alice.id());

        assertEquals(200, profile.status(), profile.toString());
        assertTrue(profile.json().get("bot").asBoolean(), profile.toString());
        assertEquals("parley-ai", profile.json().get("username").asText());
        assertEquals("Parley AI", profile.json().get("name").asText());
        assertFalse(person.json().get("bot").asBoolean(), person.toString());
    }
}
