package app.parley.server.agent;

import static app.parley.server.agent.AgentFixtures.WARNING;
import static app.parley.server.agent.AgentFixtures.agentChat;
import static app.parley.server.agent.AgentFixtures.bot;
import static app.parley.server.agent.AgentFixtures.chatSocket;
import static app.parley.server.agent.AgentFixtures.framesUntilStopTyping;
import static app.parley.server.agent.AgentFixtures.millisSince;
import static app.parley.server.agent.AgentFixtures.nextBotMessage;
import static app.parley.server.agent.AgentFixtures.send;
import static app.parley.server.agent.FakeModelServer.delayed;
import static app.parley.server.agent.FakeModelServer.errorEchoingKey;
import static app.parley.server.agent.FakeModelServer.raw;
import static app.parley.server.agent.FakeModelServer.rawEvents;
import static app.parley.server.agent.FakeModelServer.streaming;
import static app.parley.server.agent.FakeModelServer.streamingAfter;
import static app.parley.server.agent.FakeModelServer.whole;
import static app.parley.server.messages.Conversations.history;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * What members see when the model server fails (too slow, HTTP 500, a malformed or empty answer,
 * not running): a message from the bot that says so, within the request timeout, and the next
 * message tries again. Replies never hold up other requests, at most {@code max-concurrent} are
 * made at once, and the API key goes to the model server and nowhere else: not into any
 * response, frame or log line.
 */
class AgentFaultsTest {
    private static final String API_KEY = "sk-test-SECRET-4242";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The most a failure may come after the timeout: posting and delivering the warning, and scheduling jitter. */
    private static final Duration SLACK = Duration.ofMillis(500);

    private static final int MAX_CONCURRENT = 2;

    /** Every log line of the servers, from before they start. */
    private static final ListAppender<ILoggingEvent> logs = captureLogs();

    private static final FakeModelServer fake = FakeModelServer.start();

    /** Gives up after one second. */
    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.agent.endpoint", fake.baseUrl())
            .withProperty("parley.agent.model", "fault-model")
            .withProperty("parley.agent.api-key", API_KEY)
            .withProperty("parley.agent.request-timeout", TIMEOUT.toMillis() + "ms");

    /** Waits for slow replies, two at a time. */
    @RegisterExtension
    static final RunningServer patient = new RunningServer()
            .withProperty("parley.agent.endpoint", fake.baseUrl())
            .withProperty("parley.agent.model", "patient-model")
            .withProperty("parley.agent.api-key", API_KEY)
            .withProperty("parley.agent.request-timeout", "30s")
            .withProperty("parley.agent.max-concurrent", MAX_CONCURRENT);

    /** An endpoint written without its scheme, a likely slip: "localhost:PORT/v1". */
    @RegisterExtension
    static final RunningServer misconfigured = new RunningServer()
            .withProperty("parley.agent.endpoint", "localhost:" + fake.port() + "/v1")
            .withProperty("parley.agent.model", "fault-model")
            .withProperty("parley.agent.request-timeout", TIMEOUT.toMillis() + "ms");

    /** Configured, and nobody has asked for the agent yet, so its account does not exist yet. */
    @RegisterExtension
    static final RunningServer untouched = new RunningServer()
            .withProperty("parley.agent.endpoint", fake.baseUrl())
            .withProperty("parley.agent.model", "fault-model")
            .withProperty("parley.agent.request-timeout", "10s");

    /** No usernames reserved: as on a server where a person took a look-alike of the bot's name before that was refused. */
    @RegisterExtension
    static final RunningServer unreserved = new RunningServer()
            .withProperty("parley.agent.endpoint", fake.baseUrl())
            .withProperty("parley.agent.model", "fault-model")
            .withProperty("parley.accounts.reserved-usernames", "");

    private static ListAppender<ILoggingEvent> captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.setName("agent-faults-capture");
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    @AfterAll
    static void stop() {
        fake.close();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
    }

    /** Each captured log line: its logger, formatted message and stack trace. */
    private static List<String> logLines() {
        List<ILoggingEvent> events;
        synchronized (logs) {
            events = new ArrayList<>(logs.list);
        }
        return events.stream()
                .map(event -> event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
    }

    /** Sends a message to the bot and waits for the bot's answer on the socket; the answer's text. */
    private static String ask(TestUser user, SocketClient socket, long chat, long botId, String text) {
        send(user, chat, text);
        return nextBotMessage(socket, botId).get("text").asText();
    }

    /** The warning arrives no later than the timeout (plus slack) after the model server got the request. */
    private static void assertWarningWithinTimeout(String trigger, long warnedAtNanos) {
        List<FakeModelServer.Request> requests = fake.requestsFor(trigger);
        assertEquals(1, requests.size(), requests.toString());
        long millis = Duration.ofNanos(warnedAtNanos - requests.getFirst().receivedNanos())
                .toMillis();
        assertTrue(
                millis <= TIMEOUT.plus(SLACK).toMillis(),
                "the warning came " + millis + " ms after the request, more than the timeout of " + TIMEOUT.toMillis()
                        + " ms");
    }

    private static void assertWarning(String text, String reason) {
        assertTrue(text.startsWith(WARNING), text);
        assertTrue(text.contains(reason), () -> "'" + text + "' should say '" + reason + "'");
    }

    // --- slow model server -----------------------------------------------------------------------

    @Test
    void aModelServerThatDoesNotAnswerWithinTheTimeoutGetsAWarningAtTheTimeoutAndTheNextMessageIsAnswered() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("are you asleep", delayed(Duration.ofSeconds(3), streaming("Too late.")));

        String warning;
        try (SocketClient socket = chatSocket(server, alice, chat)) {
            warning = ask(alice, socket, chat, botId, "are you asleep?");
            long warnedAt = System.nanoTime();

            assertWarning(warning, "within 1 s");
            assertWarningWithinTimeout("are you asleep", warnedAt);
            assertEquals("You said: and now?", ask(alice, socket, chat, botId, "and now?"));
        }
        // The late answer, when it finally comes, is not posted.
        List<String> expected = List.of("are you asleep?", warning, "and now?", "You said: and now?");
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(4))
                .until(() -> history(alice, chat).stream()
                        .map(m -> m.get("text").asText())
                        .toList()
                        .equals(expected));
    }

    @Test
    void aReplyThatStallsMidStreamIsCutOffAtTheTimeout() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("start then stall", streamingAfter(Duration.ZERO, List.of("I was saying"), Duration.ofSeconds(4)));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            send(alice, chat, "start then stall");
            List<JsonNode> frames = framesUntilStopTyping(socket, botId);
            long warnedAt = System.nanoTime();

            JsonNode reply = frames.stream()
                    .filter(f -> "message".equals(f.path("type").asText()) && AgentFixtures.byBot(f, botId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no reply in " + frames));
            assertWarning(reply.get("text").asText(), "within 1 s");
            assertWarningWithinTimeout("start then stall", warnedAt);
            // The start of the reply was shown while it came.
            assertTrue(
                    frames.stream()
                            .anyMatch(f -> "agent_reply".equals(f.path("type").asText())
                                    && "I was saying".equals(f.path("text").asText())),
                    frames.toString());
        }
    }

    @Test
    void theTimeoutCountsFromTheRequestToTheLastTokenNotFromTheFirstByteOfTheAnswer() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        // Headers just inside the timeout, then one piece, then nothing for far longer than the timeout.
        fake.when("headers late", streamingAfter(Duration.ofMillis(850), List.of("Slowly"), Duration.ofSeconds(4)));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            String warning = ask(alice, socket, chat, botId, "headers late");
            long warnedAt = System.nanoTime();

            assertWarning(warning, "within 1 s");
            assertWarningWithinTimeout("headers late", warnedAt);
        }
    }

    // --- broken answers --------------------------------------------------------------------------

    @Test
    void anHttp500GetsAWarningNamingTheStatusAndTheNextMessageRetriesAndSucceeds() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("server error please", raw(500, "application/json", "{\"error\":{\"message\":\"model crashed\"}}"));
        fake.when("try again", streaming("Back ", "on ", "my feet."));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            long sent = System.nanoTime();
            String warning = ask(alice, socket, chat, botId, "server error please");
            assertTrue(millisSince(sent) < 5_000, "the warning took " + millisSince(sent) + " ms");
            assertWarning(warning, "HTTP 500");
            assertFalse(warning.contains("model crashed"), warning);

            assertEquals("Back on my feet.", ask(alice, socket, chat, botId, "try again"));
        }
        assertEquals(1, fake.requestsFor("try again").size());
        assertEquals(
                "Back on my feet.", history(alice, chat).getLast().get("text").asText());
    }

    @Test
    void aMalformedAnswerGetsAWarningWhetherItIsOneJsonBodyOrAStreamedEvent() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("malformed body", raw(200, "application/json", "{\"choices\": [ {\"message\": oops"));
        fake.when(
                "malformed event",
                rawEvents("{\"choices\":[{\"delta\":{\"content\":\"Hal\"}}]}", "{not json at all", "[DONE]"));
        fake.when("no content field", raw(200, "application/json", "{\"choices\": []}"));
        fake.when("now properly", whole("Properly answered."));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            assertWarning(ask(alice, socket, chat, botId, "malformed body"), "could not be read");
            assertWarning(ask(alice, socket, chat, botId, "malformed event"), "could not be read");
            assertWarning(ask(alice, socket, chat, botId, "no content field"), "could not be read");
            assertEquals("Properly answered.", ask(alice, socket, chat, botId, "now properly"));
        }
    }

    @Test
    void anEmptyReplyGetsAWarningInsteadOfAnEmptyMessage() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("say nothing streamed", streaming());
        fake.when("say nothing whole", whole("   "));
        fake.when("say something", streaming("Something."));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            assertWarning(ask(alice, socket, chat, botId, "say nothing streamed"), "empty reply");
            assertWarning(ask(alice, socket, chat, botId, "say nothing whole"), "empty reply");
            assertEquals("Something.", ask(alice, socket, chat, botId, "say something"));
        }
    }

    @Test
    void aModelServerThatIsNotRunningGetsAWarningAtOnceAndOnceItIsBackTheNextMessageIsAnswered() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        int before = fake.requests().size();

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            fake.stop();
            String warning;
            long sent = System.nanoTime();
            try {
                warning = ask(alice, socket, chat, botId, "anyone home?");
            } finally {
                fake.restart();
            }
            assertTrue(
                    millisSince(sent) < TIMEOUT.plus(SLACK).toMillis(),
                    "the warning took " + millisSince(sent) + " ms");
            assertWarning(warning, "could not be reached");
            assertEquals(before, fake.requests().size());

            assertEquals("You said: back again?", ask(alice, socket, chat, botId, "back again?"));
        }
    }

    @Test
    void anEndpointWithoutItsHttpSchemeGetsAWarningInsteadOfSilence() {
        TestUser alice = misconfigured.register("alice");
        assertTrue(AgentFixtures.agentInfo(alice).get("available").asBoolean());
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);

        try (SocketClient socket = chatSocket(misconfigured, alice, chat)) {
            send(alice, chat, "is the endpoint right?");
            List<JsonNode> frames = framesUntilStopTyping(socket, botId);

            assertTrue(
                    frames.stream()
                            .anyMatch(f -> "message".equals(f.path("type").asText())
                                    && AgentFixtures.byBot(f, botId)
                                    && f.path("text").asText().startsWith(WARNING)),
                    "the bot stopped typing without a word: " + frames);
        }
    }

    @Test
    void aPersonWhoRegistersTheBotsUsernameFirstCannotTakeOverOrSwitchOffTheAgent() {
        ApiClient.Response squatter = untouched
                .anonymous()
                .post("/api/v1/auth/register", Map.of("username", "parley-ai", "password", "password-parley-ai"));
        TestUser alice = untouched.register("alice");

        ApiClient.Response info = alice.api().get("/api/v1/agent");
        ApiClient.Response conversation = alice.api().postEmpty("/api/v1/agent/conversation");

        assertEquals(
                200,
                info.status(),
                "GET /api/v1/agent after someone registered 'parley-ai' (" + squatter + "): " + info);
        assertTrue(info.json().get("available").asBoolean(), info.toString());
        if (squatter.status() == 201) {
            long personId = squatter.json().get("user").get("id").asLong();
            assertFalse(
                    info.json().get("user").get("id").asLong() == personId,
                    "the person is presented as the agent: " + info);
        }
        assertEquals(200, conversation.status(), conversation.toString());
    }

    @Test
    void aPersonHoldingALookAlikeOfTheBotsUsernameLeavesTheBotTheNextFreeName() {
        ApiClient.Response person = unreserved
                .anonymous()
                .post("/api/v1/auth/register", Map.of("username", "parIey-ai", "password", "password-parIey-ai"));
        TestUser alice = unreserved.register("alice");

        ApiClient.Response info = alice.api().get("/api/v1/agent");

        assertEquals(201, person.status(), person.toString());
        assertEquals(200, info.status(), info.toString());
        assertEquals("parley-ai-bot", info.json().get("user").get("username").asText(), info.toString());
        assertEquals(200, alice.api().postEmpty("/api/v1/agent/conversation").status());
    }

    // --- the reply is off the request path ---------------------------------------------------------

    @Test
    void whileTheModelServerTakesFiveSecondsOtherRequestsStillAnswerAtOnce() {
        TestUser alice = patient.register("alice");
        TestUser bob = patient.register("bob");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        ApiClient.Response opened = bob.api().post("/api/v1/chat/" + alice.id(), Map.of());
        long withAlice = opened.json().get("chat").get("id").asLong();
        fake.when("think for a while", delayed(Duration.ofSeconds(5), streaming("Thought ", "about it.")));

        try (SocketClient socket = chatSocket(patient, alice, chat)) {
            long sent = System.nanoTime();
            send(alice, chat, "think for a while");
            assertTrue(millisSince(sent) < 1_000, "sending to the bot took " + millisSince(sent) + " ms");
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> !fake.requestsFor("think for a while").isEmpty());

            long start = System.nanoTime();
            send(bob, withAlice, "meanwhile, a message between people");
            assertTrue(millisSince(start) < 1_000, "a message in another chat took " + millisSince(start) + " ms");
            start = System.nanoTime();
            send(alice, withAlice, "and Alice answers Bob");
            assertTrue(
                    millisSince(start) < 1_000, "Alice's message in another chat took " + millisSince(start) + " ms");
            start = System.nanoTime();
            ApiClient.Response health = patient.anonymous().get("/health");
            assertEquals(200, health.status(), health.toString());
            assertTrue(millisSince(start) < 1_000, "GET /health took " + millisSince(start) + " ms");
            start = System.nanoTime();
            assertEquals(
                    200, alice.api().get("/api/v1/chats/" + chat + "/messages/").status());
            assertTrue(millisSince(start) < 1_000, "reading the bot's chat took " + millisSince(start) + " ms");
            // All that happened while the reply was still being made.
            assertTrue(millisSince(sent) < 4_000, "the checks took " + millisSince(sent) + " ms");
            assertEquals(1, history(alice, chat).size());

            assertEquals(
                    "Thought about it.",
                    nextBotMessage(socket, botId).get("text").asText());
            assertTrue(millisSince(sent) >= 5_000);
        }
    }

    @Test
    void noMoreThanMaxConcurrentRepliesAreMadeAtOnceAndTheRestWaitTheirTurn() throws Exception {
        int members = 5;
        List<TestUser> users = new ArrayList<>();
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            TestUser user = patient.register("member");
            users.add(user);
            chats.add(agentChat(user));
            fake.when("crowded " + i, delayed(Duration.ofMillis(1200), whole("Answer " + i + ".")));
        }
        long botId = bot(users.getFirst()).get("id").asLong();
        fake.resetPeak();

        List<SocketClient> sockets = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < members; i++) {
                sockets.add(chatSocket(patient, users.get(i), chats.get(i)));
            }
            List<Future<JsonNode>> sent = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                int n = i;
                sent.add(senders.submit((Callable<JsonNode>) () -> send(users.get(n), chats.get(n), "crowded " + n)));
            }
            for (Future<JsonNode> future : sent) {
                future.get();
            }
            for (int i = 0; i < members; i++) {
                assertEquals(
                        "Answer " + i + ".",
                        nextBotMessage(sockets.get(i), botId).get("text").asText());
            }
        } finally {
            sockets.forEach(SocketClient::close);
        }

        assertEquals(
                MAX_CONCURRENT,
                fake.peakConcurrency(),
                "replies made at once (the limit is " + MAX_CONCURRENT + ", and there were " + members + " to make)");
    }

    // --- the API key -------------------------------------------------------------------------------

    @Test
    void theApiKeyReachesTheModelServerAndNoResponseFrameOrLogLineEvenWhenTheModelServerQuotesIt() {
        List<String> seen = new ArrayList<>();
        TestUser alice = server.register("alice");
        ApiClient.Response info = alice.api().get("/api/v1/agent");
        ApiClient.Response room = alice.api().postEmpty("/api/v1/agent/conversation");
        long chat = room.json().get("id").asLong();
        long botId = info.json().get("user").get("id").asLong();
        fake.when("key leak one", errorEchoingKey(401));
        fake.when(
                "key leak two",
                (exchange, request) -> raw(200, "application/json", "{\"choices\": \"" + request.authorization() + "\"")
                        .answer(exchange, request));
        fake.when(
                "key leak three",
                (exchange, request) -> rawEvents(
                                "{\"choices\":[{\"delta\":{\"content\":\"partial \"}}]}",
                                FakeModelServer.errorQuoting(request))
                        .answer(exchange, request));
        fake.when(
                "key leak four",
                (exchange, request) -> streaming("Your key is ", "safe.").answer(exchange, request));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            for (String trigger : List.of("key leak one", "key leak two", "key leak three", "key leak four")) {
                ApiClient.Response sent =
                        alice.api().post("/api/v1/chats/" + chat + "/messages/", Map.of("text", trigger));
                seen.add(sent.toString() + sent.headers().map());
                List<JsonNode> frames = framesUntilStopTyping(socket, botId);
                frames.forEach(frame -> seen.add(frame.toString()));
            }
        }
        List<ApiClient.Response> responses = new ArrayList<>(List.of(
                info,
                room,
                alice.api().get("/api/v1/chats/" + chat + "/messages/"),
                alice.api().get("/api/v1/chats"),
                alice.api().get("/api/v1/chats/unread/"),
                alice.api().get("/api/v1/user/" + botId),
                alice.api().post("/api/conversations", Map.of("is_ai", true)),
                alice.api().get("/api/conversations"),
                alice.api().get("/health"),
                server.anonymous().get("/health")));
        responses.forEach(
                response -> seen.add(response.toString() + response.headers().map()));

        for (FakeModelServer.Request request : fake.requestsFor("key leak")) {
            assertEquals("Bearer " + API_KEY, request.authorization());
        }
        assertEquals(4, fake.requestsFor("key leak").size());
        List<String> replies =
                history(alice, chat).stream().map(m -> m.get("text").asText()).toList();
        assertEquals(8, replies.size(), replies.toString());
        assertWarning(replies.get(1), "HTTP 401");
        assertWarning(replies.get(3), "could not be read");
        assertWarning(replies.get(5), "reported an error");
        assertEquals("Your key is safe.", replies.get(7));
        for (String text : seen) {
            assertFalse(text.contains(API_KEY), () -> "the API key was sent to a client: " + text);
            assertFalse(text.contains("SECRET-4242"), () -> "part of the API key was sent to a client: " + text);
        }
        List<String> lines = logLines();
        assertTrue(
                lines.stream().anyMatch(line -> line.contains("ChatCompletionsClient") && line.contains("401")),
                "the model server's refusal was not logged (is the log captured?): " + lines);
        for (String line : lines) {
            assertFalse(line.contains("SECRET-4242"), () -> "the API key was logged: " + line);
        }
    }

    @Test
    void nothingTheServersLoggedDuringTheseTestsContainsTheApiKey() {
        TestUser alice = server.register("alice");
        long botId = bot(alice).get("id").asLong();
        long chat = agentChat(alice);
        fake.when("log check", errorEchoingKey(403));

        try (SocketClient socket = chatSocket(server, alice, chat)) {
            assertWarning(ask(alice, socket, chat, botId, "log check"), "HTTP 403");
        }

        List<String> lines = logLines();
        // The servers' start-up lines are there too.
        assertTrue(lines.size() > 2, lines.toString());
        for (String line : lines) {
            assertFalse(line.contains("SECRET-4242"), () -> "the API key was logged: " + line);
        }
    }
}
