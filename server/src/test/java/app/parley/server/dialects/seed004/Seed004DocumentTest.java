package app.parley.server.dialects.seed004;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.accounts.AccountService;
import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 004 ({@code seed-004-conversations.txt}) walked top to bottom as its own client would,
 * over real HTTP and WebSocket, with the document's field names, UUIDs and error shape
 * {@code {"error": {"message", "status"}}}. Pages are made tiny (5) so that reading "all
 * messages" and "all users" has to go past the service's page size.
 */
class Seed004DocumentTest {
    private static final int PAGE = 5;

    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.limits.page-size-default", 3)
            // Smaller than the socket's default history (100): the socket's opening history is cut to it.
            .withProperty("parley.limits.page-size-max", PAGE);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger counter = new AtomicInteger();

    /** A user of the document: the token from register, the UUID, and a client sending that token. */
    record Person(String userId, String email, String name, ApiClient api) {
        String token() {
            return api.token();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static ApiClient anonymous() {
        return server.anonymous();
    }

    private static Person register(String name) {
        String email = name.toLowerCase() + counter.incrementAndGet() + "@example.com";
        ApiClient.Response response = anonymous()
                .post("/api/auth/register", Map.of("email", email, "password", "secret-" + email, "name", name));
        assertEquals(201, response.status(), response.toString());
        JsonNode user = response.json().get("user");
        return new Person(
                user.get("user_id").asText(),
                email,
                name,
                anonymous().withToken(response.json().get("token").asText()));
    }

    private static String base() {
        return "http://localhost:" + server.port();
    }

    /** The document's profile of a user without a photo. */
    private static ObjectNode profile(Person person) {
        ObjectNode user = JSON.createObjectNode()
                .put("user_id", person.userId())
                .put("email", person.email())
                .put("name", person.name());
        user.putNull("profile_picture");
        return user;
    }

    /**
     * The response is the document's error and nothing else: {@code {"error": {"message": text,
     * "status": the HTTP status}}}, with a message for people.
     */
    private static void assertDocumentError(ApiClient.Response response, int status) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(
                response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                response.toString());
        JsonNode message = response.json().path("error").path("message");
        assertTrue(message.isTextual() && !message.asText().isBlank(), response.toString());
        ObjectNode expected = JSON.createObjectNode();
        expected.putObject("error").put("message", message.asText()).put("status", status);
        assertEquals(expected, response.json(), response.toString());
    }

    private static void assertDocumentError(ApiClient.Response response, int status, String messagePart) {
        assertDocumentError(response, status);
        String message = response.json().path("error").path("message").asText();
        assertTrue(message.contains(messagePart), () -> "'" + message + "' should mention '" + messagePart + "'");
    }

    private static JsonNode startConversation(Person caller, Person other) {
        ApiClient.Response response = caller.api().post("/api/conversations", Map.of("participant_id", other.userId()));
        assertTrue(response.status() == 201 || response.status() == 200, response.toString());
        return response.json();
    }

    private static String conversationId(Person caller, Person other) {
        return startConversation(caller, other).get("conversation_id").asText();
    }

    private static JsonNode send(Person sender, String conversation, String text) {
        ApiClient.Response response = sender.api()
                .post(
                        "/api/messages",
                        Map.of("conversation_id", conversation, "sender_id", sender.userId(), "message", text));
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static JsonNode messages(Person reader, String conversation) {
        ApiClient.Response response = reader.api().get("/api/conversations/" + conversation);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static JsonNode conversations(Person person) {
        ApiClient.Response response = person.api().get("/api/conversations");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static ObjectNode item(Person sender, JsonNode sent) {
        return JSON.createObjectNode()
                .put("sender_id", sender.userId())
                .put("message", sent.get("message").asText())
                .put("timestamp", sent.get("timestamp").asText());
    }

    private static boolean isUuid(JsonNode value) {
        try {
            return value.isTextual()
                    && UUID.fromString(value.asText()).toString().equals(value.asText());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String usernameOf(String token) {
        return anonymous()
                .withToken(token)
                .get("/api/v1/user")
                .json()
                .get("username")
                .asText();
    }

    private static int accountCount() {
        return server.bean(AccountService.class).list(null, 100_000, 0).size();
    }

    private static ApiClient.Response request(String method, String path, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(
                    response.statusCode(),
                    response.body(),
                    response.headers(),
                    response.body().getBytes());
        }
    }

    // --- POST /api/auth/register -----------------------------------------------------------------

    @Test
    void registeringWithEmailAndPasswordAnswers201WithATokenAndTheNewUser() {
        ApiClient.Response response = anonymous()
                .post(
                        "/api/auth/register",
                        Map.of("email", "john.doe@example.com", "password", "correct horse", "name", "John Doe"));

        assertEquals(201, response.status(), response.toString());
        JsonNode body = response.json();
        assertEquals(List.of("token", "user"), fieldNames(body));
        assertTrue(isUuid(body.get("user").get("user_id")), response.toString());
        ObjectNode user = JSON.createObjectNode()
                .put("user_id", body.get("user").get("user_id").asText())
                .put("email", "john.doe@example.com")
                .put("name", "John Doe");
        user.putNull("profile_picture");
        assertEquals(user, body.get("user"));
        // The token is the one the rest of the document needs.
        ApiClient john = anonymous().withToken(body.get("token").asText());
        assertEquals(
                user, john.get("/api/users/" + user.get("user_id").asText()).json());

        ApiClient.Response slash = anonymous()
                .post("/api/auth/register/", Map.of("email", "jane.roe@example.com", "password", "correct horse"));
        assertEquals(201, slash.status(), slash.toString());
        assertEquals(
                "jane.roe@example.com", slash.json().get("user").get("email").asText());
    }

    @Test
    void registeringWithoutAUsernameMakesOneFromTheEmailAndNumbersItWhenTaken() {
        ApiClient.Response first = anonymous()
                .post("/api/auth/register", Map.of("email", "maria.ivanova@one.example", "password", "password-1"));
        ApiClient.Response second = anonymous()
                .post("/api/auth/register", Map.of("email", "Maria.Ivanova@two.example", "password", "password-2"));
        ApiClient.Response tagged = anonymous()
                .post("/api/auth/register", Map.of("email", "+ann+chat@example.com", "password", "password-3"));
        ApiClient.Response chosen = anonymous()
                .post(
                        "/api/auth/register",
                        Map.of("email", "someone@example.com", "username", "chosen_name", "password", "password-4"));

        assertEquals(201, first.status(), first.toString());
        assertEquals(201, second.status(), second.toString());
        assertEquals(201, tagged.status(), tagged.toString());
        assertEquals(201, chosen.status(), chosen.toString());
        assertEquals("maria.ivanova", usernameOf(first.json().get("token").asText()));
        assertEquals("Maria.Ivanova2", usernameOf(second.json().get("token").asText()));
        assertEquals("annchat", usernameOf(tagged.json().get("token").asText()));
        assertEquals("chosen_name", usernameOf(chosen.json().get("token").asText()));
        // Without a name, the name shown is the username.
        assertEquals("maria.ivanova", first.json().get("user").get("name").asText());
        // Both can sign in by their e-mail.
        assertEquals(
                200,
                anonymous()
                        .post("/api/auth/login", Map.of("email", "maria.ivanova@two.example", "password", "password-2"))
                        .status());
    }

    @Test
    void registeringAnEmailThatIsTakenIs409InTheDocumentsErrorShapeAndCreatesNobody() {
        Person anna = register("Anna");
        int before = accountCount();

        assertDocumentError(
                anonymous().post("/api/auth/register", Map.of("email", anna.email(), "password", "another-password")),
                409,
                anna.email());
        assertDocumentError(
                anonymous()
                        .post(
                                "/api/auth/register",
                                Map.of(
                                        "email",
                                        anna.email().toUpperCase(),
                                        "password",
                                        "another-password",
                                        "username",
                                        "other_anna")),
                409);

        assertEquals(before, accountCount());
        // Anna's own password still works, the refused one does not.
        assertEquals(
                401,
                anonymous()
                        .post("/api/auth/login", Map.of("email", anna.email(), "password", "another-password"))
                        .status());
        assertEquals(
                200,
                anonymous()
                        .post("/api/auth/login", Map.of("email", anna.email(), "password", "secret-" + anna.email()))
                        .status());
    }

    @Test
    void registeringWithBadInputIs400InTheDocumentsErrorShapeAndCreatesNobody() {
        int before = accountCount();

        assertDocumentError(anonymous().postEmpty("/api/auth/register"), 400);
        assertDocumentError(anonymous().post("/api/auth/register", Map.of()), 400, "email");
        assertDocumentError(anonymous().post("/api/auth/register", Map.of("password", "long enough")), 400, "email");
        assertDocumentError(
                anonymous().post("/api/auth/register", Map.of("email", "short@example.com", "password", "short")),
                400,
                "password");
        assertDocumentError(
                anonymous().post("/api/auth/register", Map.of("email", "not-an-email", "password", "long enough")),
                400,
                "email");
        assertDocumentError(anonymous().post("/api/auth/register", Map.of("email", 5, "password", "long enough")), 400);
        assertDocumentError(anonymous().postRaw("/api/auth/register", "application/json", "{\"email\": "), 400);

        assertEquals(before, accountCount());
    }

    // --- POST /api/auth/login ----------------------------------------------------------------

    @Test
    void loggingInWithEmailOrUsernameAndPasswordAnswersATokenAndTheUser() {
        ApiClient.Response registered = anonymous()
                .post(
                        "/api/auth/register",
                        Map.of("email", "login.me@example.com", "password", "my password", "name", "Login Me"));
        assertEquals(201, registered.status(), registered.toString());
        JsonNode user = registered.json().get("user");

        for (ApiClient.Response login : List.of(
                anonymous().post("/api/auth/login", Map.of("email", "login.me@example.com", "password", "my password")),
                anonymous().post("/api/auth/login", Map.of("email", "LOGIN.ME@example.com", "password", "my password")),
                anonymous().post("/api/auth/login", Map.of("username", "login.me", "password", "my password")),
                anonymous()
                        .post(
                                "/api/auth/login/",
                                Map.of("email", "login.me@example.com", "password", "my password")))) {
            assertEquals(200, login.status(), login.toString());
            assertEquals(List.of("token", "user"), fieldNames(login.json()));
            assertEquals(user, login.json().get("user"));
            ApiClient signedIn = anonymous().withToken(login.json().get("token").asText());
            assertEquals(200, signedIn.get("/api/conversations").status());
        }
    }

    @Test
    void loggingInWithAWrongPasswordOrAnUnknownEmailIs401AndWithoutAPasswordIs400() {
        Person lena = register("Lena");

        assertDocumentError(
                anonymous().post("/api/auth/login", Map.of("email", lena.email(), "password", "wrong password")), 401);
        assertDocumentError(
                anonymous().post("/api/auth/login", Map.of("email", "nobody@example.com", "password", "whatever1")),
                401);
        assertDocumentError(anonymous().post("/api/auth/login", Map.of("email", lena.email())), 400);
        assertDocumentError(anonymous().postEmpty("/api/auth/login"), 400);
    }

    // --- authentication of everything else -----------------------------------------------------

    @Test
    void everyOtherEndpointWithoutAValidTokenIs401InTheDocumentsErrorShape() throws Exception {
        Person alice = register("Alice");
        Person bob = register("Bob");
        String conversation = conversationId(alice, bob);
        List<String[]> calls = List.of(
                new String[] {"GET", "/api/conversations"},
                new String[] {"GET", "/api/conversations/" + conversation},
                new String[] {"POST", "/api/conversations"},
                new String[] {"POST", "/api/conversations/" + conversation + "/connect"},
                new String[] {"POST", "/api/messages"},
                new String[] {"POST", "/api/messages/"},
                new String[] {"GET", "/api/users/" + bob.userId()},
                new String[] {"GET", "/api/users/"},
                new String[] {"GET", "/api/users"});

        for (String[] call : calls) {
            assertDocumentError(request(call[0], call[1], null), 401);
            assertDocumentError(request(call[0], call[1], "not.a.token"), 401);
        }
        // The WebSocket handshake too.
        assertEquals(
                401,
                SocketClient.refusedStatus(server.port(), "/api/conversations/" + conversation + "/connect", null));
        assertEquals(0, messages(alice, conversation).size());
    }

    // --- POST /api/conversations ---------------------------------------------------------------

    @Test
    void startingAConversationAnswers201AndStartingItAgainAnswers200WithTheSameConversation() {
        Person alice = register("Alice");
        Person bob = register("Bob");

        ApiClient.Response created =
                alice.api().post("/api/conversations", Map.of("participant_id", bob.userId(), "is_ai", false));

        assertEquals(201, created.status(), created.toString());
        JsonNode body = created.json();
        assertTrue(isUuid(body.get("conversation_id")), created.toString());
        Instant.parse(body.get("created_at").asText());
        ObjectNode expected = JSON.createObjectNode()
                .put("conversation_id", body.get("conversation_id").asText());
        expected.putArray("participants").add(profile(alice)).add(profile(bob));
        expected.put("is_ai", false);
        expected.putNull("last_message");
        expected.put("unread_count", 0);
        expected.put("created_at", body.get("created_at").asText());
        assertEquals(expected, body);

        List<ApiClient.Response> again = List.of(
                alice.api().post("/api/conversations", Map.of("participant_id", bob.userId())),
                alice.api().post("/api/conversations/", Map.of("user_id", bob.userId())),
                alice.api().post("/api/conversations", Map.of("participants", List.of(bob.userId()))),
                alice.api().post("/api/conversations", Map.of("participants", List.of(alice.userId(), bob.userId()))),
                alice.api()
                        .post("/api/conversations", Map.of("participants", List.of(Map.of("user_id", bob.userId())))),
                alice.api().post("/api/conversations", Map.of("participant_ids", List.of(bob.userId()))));
        for (ApiClient.Response response : again) {
            assertEquals(200, response.status(), response.toString());
            assertEquals(expected, response.json());
        }
        ApiClient.Response fromBob = bob.api().post("/api/conversations", Map.of("participant_id", alice.userId()));
        assertEquals(200, fromBob.status(), fromBob.toString());
        assertEquals(body.get("conversation_id"), fromBob.json().get("conversation_id"));
        assertEquals(1, conversations(alice).size());
    }

    @Test
    void startingAConversationWithBadInputIs400AndStartsNothing() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        Person carol = register("Carol");

        assertDocumentError(alice.api().postEmpty("/api/conversations"), 400, "participant_id");
        assertDocumentError(alice.api().post("/api/conversations", Map.of()), 400, "participant_id");
        assertDocumentError(alice.api().post("/api/conversations", Map.of("participant_id", "not-a-uuid")), 400);
        assertDocumentError(
                alice.api()
                        .post(
                                "/api/conversations",
                                Map.of("participant_id", UUID.randomUUID().toString())),
                400);
        assertDocumentError(
                alice.api().post("/api/conversations", Map.of("participant_id", alice.userId())), 400, "yourself");
        assertDocumentError(
                alice.api().post("/api/conversations", Map.of("participants", List.of(bob.userId(), carol.userId()))),
                400,
                "two users");
        assertDocumentError(
                alice.api().post("/api/conversations", Map.of("participants", List.of(Map.of("name", "Bob")))), 400);
        assertDocumentError(
                alice.api().post("/api/conversations", Map.of("participant_id", bob.userId(), "is_ai", "no")), 400);
        assertDocumentError(alice.api().postRaw("/api/conversations", "application/json", "{\"participant_id\""), 400);

        assertEquals(JSON.createArrayNode(), conversations(alice));
        assertEquals(JSON.createArrayNode(), conversations(bob));
        assertEquals(JSON.createArrayNode(), conversations(carol));
    }

    @Test
    void anAiConversationIsRefusedWithAClearErrorWhileNoAgentIsConfigured() {
        Person alice = register("Alice");
        Person bob = register("Bob");

        assertDocumentError(
                alice.api().post("/api/conversations", Map.of("is_ai", true)), 400, "no AI agent is configured");
        assertDocumentError(
                alice.api().post("/api/conversations", Map.of("is_ai", true, "participant_id", bob.userId())),
                400,
                "no AI agent is configured");

        assertEquals(JSON.createArrayNode(), conversations(alice));
        assertEquals(JSON.createArrayNode(), conversations(bob));
    }

    // --- GET /api/conversations ----------------------------------------------------------------

    @Test
    void theConversationListShowsParticipantsLastMessageAndUnreadCountMostRecentFirst() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        Person carol = register("Carol");
        assertEquals(JSON.createArrayNode(), conversations(alice));
        JsonNode withBob = startConversation(alice, bob);
        JsonNode withCarol = startConversation(carol, alice);
        String bobChat = withBob.get("conversation_id").asText();
        send(bob, bobChat, "Hi, how are you?");
        JsonNode last = send(bob, bobChat, "Are you there?");

        ObjectNode bobConversation = JSON.createObjectNode().put("conversation_id", bobChat);
        bobConversation.putArray("participants").add(profile(alice)).add(profile(bob));
        bobConversation.put("is_ai", false);
        bobConversation
                .putObject("last_message")
                .put("message_id", last.get("message_id").asText())
                .put("sender_id", bob.userId())
                .put("message", "Are you there?")
                .put("timestamp", last.get("timestamp").asText());
        bobConversation
                .put("unread_count", 2)
                .put("created_at", withBob.get("created_at").asText());
        ObjectNode carolConversation = (ObjectNode) withCarol.deepCopy();
        ArrayNode expected = JSON.createArrayNode().add(bobConversation).add(carolConversation);

        assertEquals(expected, conversations(alice));
        assertEquals(expected, alice.api().get("/api/conversations/").json());
        // Bob wrote them, so nothing is unread for him.
        JsonNode bobsList = conversations(bob);
        assertEquals(1, bobsList.size());
        assertEquals(0, bobsList.get(0).get("unread_count").asInt());
        assertEquals(bobConversation.get("last_message"), bobsList.get(0).get("last_message"));
    }

    // --- GET /api/conversations/{conversation_id} ---------------------------------------------

    @Test
    void readingAConversationAnswersAllItsMessagesOldestFirstPastEveryPage() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        String conversation = conversationId(alice, bob);
        assertEquals(JSON.createArrayNode(), messages(alice, conversation));

        ArrayNode expected = JSON.createArrayNode();
        for (int i = 1; i <= 3 * PAGE + 2; i++) {
            Person sender = i % 3 == 0 ? alice : bob;
            expected.add(item(sender, send(sender, conversation, "message number " + i)));
        }

        assertEquals(3 * PAGE + 2, expected.size());
        assertEquals(expected, messages(alice, conversation));
        assertEquals(expected, messages(bob, conversation));
        assertEquals(
                expected,
                alice.api().get("/api/conversations/" + conversation + "/").json());
        assertEquals(
                List.of("sender_id", "message", "timestamp"),
                fieldNames(messages(alice, conversation).get(0)));
    }

    @Test
    void readingAConversationIsForItsMembersOnly() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        Person carol = register("Carol");
        String conversation = conversationId(alice, bob);
        send(alice, conversation, "just between us");

        assertDocumentError(carol.api().get("/api/conversations/" + conversation), 403, "not a member");
        assertDocumentError(carol.api().get("/api/conversations/" + UUID.randomUUID()), 404);
        assertDocumentError(carol.api().get("/api/conversations/not-a-uuid"), 400);
        assertEquals(1, messages(alice, conversation).size());
    }

    // --- POST /api/conversations/{conversation_id}/connect -------------------------------------

    @Test
    void connectAnswersWebSocketConnectedWithTheUrlOfASocketThatSendsHistoryThenLiveMessages() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        String conversation = conversationId(alice, bob);
        send(alice, conversation, "before the socket");

        ApiClient.Response connected = bob.api().postEmpty("/api/conversations/" + conversation + "/connect");

        assertEquals(200, connected.status(), connected.toString());
        String path = "/api/conversations/" + conversation + "/connect";
        ObjectNode expected = JSON.createObjectNode()
                .put("status", "WebSocket connected")
                .put("conversation_id", conversation)
                .put("websocket_url", "ws://localhost:" + server.port() + path);
        assertEquals(expected, connected.json());
        assertEquals(expected, bob.api().post(path + "/", Map.of()).json());

        URI url = URI.create(connected.json().get("websocket_url").asText());
        try (SocketClient socket = SocketClient.open(url.getPort(), url.getPath(), bob.token())) {
            JsonNode history = socket.next("history");
            assertEquals(1, history.get("messages").size(), history.toString());
            assertEquals(
                    "before the socket",
                    history.get("messages").get(0).get("text").asText());

            JsonNode sent = send(alice, conversation, "live over the socket");

            JsonNode live = socket.next("message");
            assertEquals("live over the socket", live.get("text").asText());
            assertEquals(sent.get("message_id").asText(), live.get("uuid").asText());
        }
    }

    @Test
    void connectIsForMembersOnly() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        Person carol = register("Carol");
        String conversation = conversationId(alice, bob);

        assertDocumentError(carol.api().postEmpty("/api/conversations/" + conversation + "/connect"), 403);
        assertDocumentError(carol.api().postEmpty("/api/conversations/" + UUID.randomUUID() + "/connect"), 404);
        assertDocumentError(carol.api().postEmpty("/api/conversations/nope/connect"), 400);
        try (SocketClient socket =
                SocketClient.open(server.port(), "/api/conversations/" + conversation + "/connect", carol.token())) {
            assertEquals(4403, socket.closeCode());
        }
    }

    // --- POST /api/messages/ -------------------------------------------------------------------

    @Test
    void sendingAMessageAnswersItsIdTextAndTimestampAndTheConversationShowsIt() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        String conversation = conversationId(alice, bob);

        ApiClient.Response sent = alice.api()
                .post(
                        "/api/messages/",
                        Map.of(
                                "conversation_id",
                                conversation,
                                "sender_id",
                                alice.userId(),
                                "message",
                                "Hello, how are you?"));
        ApiClient.Response reply = bob.api()
                .post(
                        "/api/messages",
                        Map.of(
                                "conversation_id",
                                conversation,
                                "sender_id",
                                bob.userId(),
                                "message",
                                "I'm good, thanks!"));

        for (ApiClient.Response response : List.of(sent, reply)) {
            assertEquals(200, response.status(), response.toString());
            assertEquals(List.of("message_id", "message", "timestamp"), fieldNames(response.json()));
            assertTrue(isUuid(response.json().get("message_id")), response.toString());
            Instant.parse(response.json().get("timestamp").asText());
        }
        assertEquals("Hello, how are you?", sent.json().get("message").asText());
        assertNotEquals(sent.json().get("message_id"), reply.json().get("message_id"));
        ArrayNode expected =
                JSON.createArrayNode().add(item(alice, sent.json())).add(item(bob, reply.json()));
        assertEquals(expected, messages(bob, conversation));
    }

    @Test
    void sendingAsSomeoneElseOrIntoSomeoneElsesConversationIs403AndStoresNothing() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        Person carol = register("Carol");
        String conversation = conversationId(alice, bob);
        ArrayNode expected = JSON.createArrayNode().add(item(alice, send(alice, conversation, "first")));

        assertDocumentError(
                alice.api()
                        .post(
                                "/api/messages",
                                Map.of(
                                        "conversation_id",
                                        conversation,
                                        "sender_id",
                                        bob.userId(),
                                        "message",
                                        "pretending to be Bob")),
                403,
                "sender_id");
        assertDocumentError(
                carol.api()
                        .post(
                                "/api/messages",
                                Map.of(
                                        "conversation_id",
                                        conversation,
                                        "sender_id",
                                        alice.userId(),
                                        "message",
                                        "pretending to be Alice")),
                403);
        assertDocumentError(
                carol.api()
                        .post(
                                "/api/messages",
                                Map.of(
                                        "conversation_id",
                                        conversation,
                                        "sender_id",
                                        carol.userId(),
                                        "message",
                                        "butting in")),
                403,
                "not a member");

        assertEquals(expected, messages(alice, conversation));
    }

    @Test
    void sendingAnEmptyOrMalformedMessageIs400AndToAnUnknownConversation404() {
        Person alice = register("Alice");
        Person bob = register("Bob");
        String conversation = conversationId(alice, bob);
        ArrayNode expected = JSON.createArrayNode().add(item(alice, send(alice, conversation, "first")));
        Map<String, Object> good = Map.of("conversation_id", conversation, "sender_id", alice.userId(), "message", "x");

        for (Object message : List.of("", "   \n", "x".repeat(4001), 5)) {
            Map<String, Object> body = new HashMap<>(good);
            body.put("message", message);
            assertDocumentError(alice.api().post("/api/messages", body), 400);
        }
        Map<String, Object> noText = new HashMap<>(good);
        noText.remove("message");
        assertDocumentError(alice.api().post("/api/messages", noText), 400);
        Map<String, Object> noConversation = new HashMap<>(good);
        noConversation.remove("conversation_id");
        assertDocumentError(alice.api().post("/api/messages", noConversation), 400, "conversation_id");
        Map<String, Object> badSender = new HashMap<>(good);
        badSender.put("sender_id", "me");
        assertDocumentError(alice.api().post("/api/messages", badSender), 400, "sender_id");
        assertDocumentError(alice.api().postEmpty("/api/messages"), 400);
        assertDocumentError(alice.api().postRaw("/api/messages", "application/json", "{\"message\": \"x\"} junk"), 400);
        Map<String, Object> unknown = new HashMap<>(good);
        unknown.put("conversation_id", UUID.randomUUID().toString());
        assertDocumentError(alice.api().post("/api/messages", unknown), 404);

        assertEquals(expected, messages(alice, conversation));
    }

    // --- GET /api/users/{user_id}, GET /api/users/ --------------------------------------------

    @Test
    void aUsersProfileIsTheirIdEmailNameAndAnAbsoluteUrlOfTheirPicture() {
        Person alice = register("Alice");
        Person bob = register("Bob");

        assertEquals(profile(bob), alice.api().get("/api/users/" + bob.userId()).json());
        assertEquals(
                profile(bob),
                alice.api().get("/api/users/" + bob.userId() + "/").json());

        byte[] png = TestImages.png(4);
        assertEquals(
                200,
                bob.api()
                        .multipart(
                                "/api/v1/user",
                                List.of(Part.field("json", "{}"), Part.file("photo", "me.png", "image/png", png)))
                        .status());
        long bobsId = bob.api().get("/api/v1/user").json().get("id").asLong();

        ApiClient.Response withPhoto = alice.api().get("/api/users/" + bob.userId());
        ObjectNode expected = profile(bob).put("profile_picture", base() + "/api/v1/user/" + bobsId + "/photo");
        assertEquals(expected, withPhoto.json());
        ApiClient.Response picture = alice.api()
                .get(URI.create(expected.get("profile_picture").asText()).getPath());
        assertEquals(200, picture.status(), picture.toString());
        assertEquals("image/png", picture.headers().firstValue("content-type").orElse(""));
        assertFalse(picture.bytes().length == 0);
    }

    @Test
    void allUsersProfilesAreListedWithAndWithoutTheTrailingSlash() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < PAGE + 2; i++) {
            people.add(register("Member"));
        }

        JsonNode all = people.getFirst().api().get("/api/users/").json();

        assertTrue(all.isArray(), all.toString());
        assertEquals(accountCount(), all.size());
        for (Person person : people) {
            assertTrue(contains(all, profile(person)), () -> person + " missing from " + all);
        }
        for (JsonNode user : all) {
            assertEquals(List.of("user_id", "email", "name", "profile_picture"), fieldNames(user));
        }
        assertEquals(all, people.getLast().api().get("/api/users").json());
    }

    @Test
    void anUnknownUserIs404AndAMalformedIdIs400() {
        Person alice = register("Alice");

        assertDocumentError(alice.api().get("/api/users/" + UUID.randomUUID()), 404);
        assertDocumentError(alice.api().get("/api/users/not-a-uuid"), 400, "user_id");
    }

    // --- Error handling ------------------------------------------------------------------------

    @Test
    void theFrameworksOwnRefusalsOnTheDocumentsPathsComeInItsErrorShapeAndTheCanonicalApiKeepsItsOwn()
            throws Exception {
        Person alice = register("Alice");

        assertDocumentError(alice.api().get("/api/conversations/a/b/c"), 404);
        assertDocumentError(alice.api().get("/api/auth/nothing-here"), 404);
        assertDocumentError(request("DELETE", "/api/users", alice.token()), 405);
        assertDocumentError(request("PUT", "/api/messages", alice.token()), 405);
        assertDocumentError(alice.api().postRaw("/api/messages", "text/plain", "hello"), 415);

        ApiClient.Response canonical = alice.api().get("/api/v1/no-such-thing");
        assertEquals(404, canonical.status());
        assertEquals("error", canonical.json().get("status").asText(), canonical.toString());
        assertTrue(canonical.json().path("error").isMissingNode(), canonical.toString());
    }

    private static boolean contains(JsonNode array, JsonNode wanted) {
        for (JsonNode element : array) {
            if (element.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
