package app.parley.server.dialects.seed003;

import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 003 ("Web_chat2") read top to bottom by a client of that document: register, log in, list
 * chats, open a chat with a user by name, write to it, read it back. Only the document's paths
 * and field names are used, except where a test checks that nothing leaked into the canonical API.
 */
class Seed003DocumentTest {
    /** A small page size, so reading "all messages" must go through several pages of the service. */
    private static final int PAGE = 3;

    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.limits.page-size-default", PAGE)
            .withProperty("parley.limits.page-size-max", PAGE);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger counter = new AtomicInteger();

    /** A user of the document: registered with POST /register, signed in with POST /login. */
    private record Client(String username, String password, ApiClient api) {}

    // --- 1. POST /register -----------------------------------------------------------------------

    @Test
    void registeringANewUserAnswers201WithTheDocumentsMessageWithAndWithoutTheTrailingSlash() {
        String first = unique("user");
        String second = unique("user");

        assertJson(
                201,
                "{\"message\": \"User registered successfully\"}",
                server.anonymous().post("/register", credentials(first, "password123")));
        assertJson(
                201,
                "{\"message\": \"User registered successfully\"}",
                server.anonymous().post("/register/", credentials(second, "password123")));

        assertEquals(
                200,
                server.anonymous()
                        .post("/login", credentials(first, "password123"))
                        .status());
        assertEquals(
                200,
                server.anonymous()
                        .post("/login", credentials(second, "password123"))
                        .status());
    }

    @Test
    void aTakenUsernameIsA400WithTheDocumentsTextInAnyCaseAndTheFirstAccountKeepsItsPassword() {
        Client alice = signUp("alice");

        for (String name : List.of(alice.username(), alice.username().toUpperCase())) {
            assertDocumentError(
                    400,
                    "Username already exists or invalid data",
                    server.anonymous().post("/register", credentials(name, "another-password")));
        }

        assertEquals(
                200,
                server.anonymous()
                        .post("/login", credentials(alice.username(), alice.password()))
                        .status());
        assertDocumentError(
                401,
                "Invalid username or password",
                server.anonymous().post("/login", credentials(alice.username(), "another-password")));
    }

    @Test
    void invalidRegistrationDataIsA400WithTheDocumentsTextAndCreatesNoAccount() {
        String name = unique("nobody");
        List<Object> bad = List.of(
                Map.of("username", name),
                Map.of("password", "password123"),
                credentials(name, "short"),
                credentials("x", "password123"),
                credentials("bad name!", "password123"),
                Map.of());

        for (Object body : bad) {
            assertDocumentError(
                    400,
                    "Username already exists or invalid data",
                    server.anonymous().post("/register", body));
        }
        assertDocumentError(
                400,
                "Username already exists or invalid data",
                server.anonymous().postEmpty("/register"));
        assertErrorShape(400, server.anonymous().postRaw("/register", "application/json", "{\"username\": "));

        assertDocumentError(
                401, "Invalid username or password", server.anonymous().post("/login", credentials(name, "short")));
        assertDocumentError(
                401,
                "Invalid username or password",
                server.anonymous().post("/login", credentials("x", "password123")));
    }

    // --- 2. POST /login --------------------------------------------------------------------------

    @Test
    void loggingInAnswersOnlyATokenAndThatTokenOpensTheChatList() {
        String name = unique("user");
        server.anonymous().post("/register", credentials(name, "password123"));

        var login = server.anonymous().post("/login", credentials(name, "password123"));
        var withSlash = server.anonymous().post("/login/", credentials(name.toUpperCase(), "password123"));

        assertEquals(200, login.status(), login.toString());
        assertEquals(List.of("token"), fieldNames(login.json()));
        assertFalse(login.json().get("token").asText().isBlank());
        assertEquals(200, withSlash.status(), withSlash.toString());
        assertEquals(List.of("token"), fieldNames(withSlash.json()));
        assertJson(
                200,
                "[]",
                server.anonymous().withToken(login.json().get("token").asText()).get("/chats"));
        assertJson(
                200,
                "[]",
                server.anonymous()
                        .withToken(withSlash.json().get("token").asText())
                        .get("/chats/"));
    }

    @Test
    void aWrongPasswordAnUnknownUserOrMissingFieldsAreA401WithTheDocumentsText() {
        Client bob = signUp("bob");

        List<Object> wrong = List.of(
                credentials(bob.username(), "wrong-password"),
                credentials(unique("ghost"), "password123"),
                Map.of("username", bob.username()),
                Map.of("password", bob.password()),
                Map.of());
        for (Object body : wrong) {
            assertDocumentError(
                    401, "Invalid username or password", server.anonymous().post("/login", body));
            assertDocumentError(
                    401, "Invalid username or password", server.anonymous().post("/login/", body));
        }
        assertDocumentError(
                401, "Invalid username or password", server.anonymous().postEmpty("/login"));
    }

    // --- 3. GET /chats and 4. POST /chat/:{user_name} ---------------------------------------------

    @Test
    void creatingAChatAnswers201WithItAndBothUsersListItUnderTheOtherUsersName() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");

        var created = alice.api().postEmpty("/chat/" + bob.username());

        long chatId = created.json().path("chat_id").asLong();
        assertJson(201, chat(chatId, bob), created);
        assertJson(200, "[" + chat(chatId, bob) + "]", alice.api().get("/chats"));
        assertJson(200, "[" + chat(chatId, alice) + "]", bob.api().get("/chats"));
        assertJson(200, "[" + chat(chatId, alice) + "]", bob.api().get("/chats/"));
    }

    @Test
    void theExpressStyleColonTheTrailingSlashAndAnyCaseNameTheSameUser() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        Client carol = signUp("carol");
        Client dave = signUp("dave");

        var withColon = alice.api().postEmpty("/chat/:" + bob.username());
        var withSlash = alice.api().postEmpty("/chat/" + carol.username() + "/");
        var shouted = alice.api().postEmpty("/chat/:" + dave.username().toUpperCase() + "/");

        assertJson(201, chat(withColon.json().path("chat_id").asLong(), bob), withColon);
        assertJson(201, chat(withSlash.json().path("chat_id").asLong(), carol), withSlash);
        assertJson(201, chat(shouted.json().path("chat_id").asLong(), dave), shouted);
        assertEquals(
                List.of(bob.username(), carol.username(), dave.username()).stream()
                        .sorted()
                        .toList(),
                users(alice).stream().sorted().toList());
    }

    @Test
    void theChatListShowsEveryTwoPersonChatMostRecentlyActiveFirst() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        Client carol = signUp("carol");
        long withBob = createChat(alice, bob);
        long withCarol = createChat(alice, carol);

        send(alice, bob, "bob is the latest");

        assertJson(
                200,
                "[" + chat(withBob, bob) + ", " + chat(withCarol, carol) + "]",
                alice.api().get("/chats"));
    }

    @Test
    void creatingAChatThatAlreadyExistsIsA400FromEitherSideAndMakesNoSecondChat() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        long chatId = createChat(alice, bob);

        assertDocumentError(
                400, "Chat already exists or invalid user", alice.api().postEmpty("/chat/" + bob.username()));
        assertDocumentError(
                400, "Chat already exists or invalid user", alice.api().postEmpty("/chat/:" + bob.username()));
        assertDocumentError(
                400,
                "Chat already exists or invalid user",
                alice.api().postEmpty("/chat/" + bob.username().toUpperCase()));
        assertDocumentError(
                400, "Chat already exists or invalid user", bob.api().postEmpty("/chat/" + alice.username()));

        assertJson(200, "[" + chat(chatId, bob) + "]", alice.api().get("/chats"));
        assertJson(200, "[" + chat(chatId, alice) + "]", bob.api().get("/chats"));
    }

    @Test
    void aChatWithAnUnknownUserOrWithYourselfIsA400AndCreatesNothing() {
        Client loner = signUp("loner");

        assertDocumentError(
                400, "Chat already exists or invalid user", loner.api().postEmpty("/chat/" + unique("ghost")));
        assertDocumentError(
                400, "Chat already exists or invalid user", loner.api().postEmpty("/chat/:" + unique("ghost")));
        assertDocumentError(
                400, "Chat already exists or invalid user", loner.api().postEmpty("/chat/" + loner.username()));
        assertDocumentError(
                400, "Chat already exists or invalid user", loner.api().postEmpty("/chat/:"));

        assertJson(200, "[]", loner.api().get("/chats"));
    }

    @Test
    void groupsTheCallerBelongsToAreLeftOutOfTheChatList() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        var group =
                alice.api().post("/api/v1/group", Map.of("name", "Team", "users", List.of(Map.of("id", idOf(bob)))));
        assertEquals(200, group.status(), group.toString());
        long chatId = createChat(bob, alice);

        assertJson(200, "[" + chat(chatId, bob) + "]", alice.api().get("/chats"));
        assertJson(200, "[" + chat(chatId, alice) + "]", bob.api().get("/chats"));
    }

    // --- 5. POST /chats/{user_name}/messages and 6. GET /chats/messages/{:user_name} ----------------

    @Test
    void sendingAMessageAnswers201AndBothUsersReadTheWholeChatOldestFirst() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        long chatId = createChat(alice, bob);

        var sent = alice.api().post("/chats/" + bob.username() + "/messages", Map.of("message", "Hello, how are you?"));
        var reply = bob.api().post("/chats/" + alice.username() + "/messages/", Map.of("message", "Good"));

        assertEquals(201, sent.status(), sent.toString());
        JsonNode message = sent.json();
        assertEquals(List.of("message_id", "chat_id", "sender", "message", "timestamp"), fieldNames(message));
        assertTrue(message.get("message_id").isIntegralNumber(), message.toString());
        assertEquals(chatId, message.get("chat_id").asLong());
        assertEquals(alice.username(), message.get("sender").asText());
        assertEquals("Hello, how are you?", message.get("message").asText());
        Instant.parse(message.get("timestamp").asText());
        assertEquals(201, reply.status(), reply.toString());
        assertTrue(reply.json().get("message_id").asLong()
                > message.get("message_id").asLong());
        String transcript = "[" + entry(alice, "Hello, how are you?") + ", " + entry(bob, "Good") + "]";
        assertJson(200, transcript, alice.api().get("/chats/messages/" + bob.username()));
        assertJson(200, transcript, alice.api().get("/chats/messages/:" + bob.username() + "/"));
        assertJson(200, transcript, bob.api().get("/chats/messages/:" + alice.username()));
        assertJson(
                200,
                transcript,
                bob.api().get("/chats/messages/" + alice.username().toUpperCase() + "/"));
    }

    @Test
    void aNewChatHasNoMessagesYet() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        createChat(alice, bob);

        assertJson(200, "[]", bob.api().get("/chats/messages/" + alice.username()));
    }

    @Test
    void readingAChatReturnsAllItsMessagesNotJustTheFirstPage() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        createChat(alice, bob);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 3 * PAGE + 1; i++) {
            Client author = i % 2 == 0 ? bob : alice;
            Client other = author == alice ? bob : alice;
            send(author, other, "message " + i);
            expected.add(entry(author, "message " + i));
        }

        assertJson(200, "[" + String.join(", ", expected) + "]", alice.api().get("/chats/messages/" + bob.username()));
    }

    @Test
    void anEmptyBlankMissingOrTooLongMessageIsA400WithTheDocumentsTextAndStoresNothing() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        createChat(alice, bob);
        send(alice, bob, "first");
        String path = "/chats/" + bob.username() + "/messages";

        for (Object body : List.of(
                Map.of("message", ""),
                Map.of("message", "   \n "),
                Map.of(),
                nullMessage(),
                Map.of("message", "x".repeat(4001)))) {
            assertDocumentError(
                    400, "Invalid message or chat not found", alice.api().post(path, body));
        }
        assertDocumentError(
                400, "Invalid message or chat not found", alice.api().postEmpty(path));
        assertErrorShape(400, alice.api().post(path, Map.of("message", 5)));
        assertErrorShape(400, alice.api().postRaw(path, "application/json", "{\"message\": "));
        // Over the server's JSON body limit (10 MB): the document lists no 413, so it is a 400 too.
        assertErrorShape(400, alice.api().post(path, Map.of("message", "x".repeat(11 * 1024 * 1024))));

        assertJson(200, "[" + entry(alice, "first") + "]", bob.api().get("/chats/messages/" + alice.username()));
    }

    @Test
    void sendingToAUserWithoutAChatToAnUnknownUserOrToYourselfIsA400AndCreatesNothing() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        Map<String, String> hello = Map.of("message", "Hello, how are you?");

        for (String name : List.of(bob.username(), ":" + bob.username(), unique("ghost"), alice.username())) {
            assertDocumentError(
                    400, "Invalid message or chat not found", alice.api().post("/chats/" + name + "/messages", hello));
        }

        assertJson(200, "[]", alice.api().get("/chats"));
        assertJson(200, "[]", bob.api().get("/chats"));
        assertDocumentError(404, "Chat not found", alice.api().get("/chats/messages/" + bob.username()));
    }

    @Test
    void readingAChatThatDoesNotExistIsA404WithTheDocumentsText() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");

        assertDocumentError(404, "Chat not found", alice.api().get("/chats/messages/" + bob.username()));
        assertDocumentError(404, "Chat not found", alice.api().get("/chats/messages/:" + bob.username()));
        assertDocumentError(404, "Chat not found", alice.api().get("/chats/messages/" + unique("ghost") + "/"));
        assertDocumentError(404, "Chat not found", alice.api().get("/chats/messages/" + alice.username()));
    }

    // --- wrong user ------------------------------------------------------------------------------

    @Test
    void aThirdUserNamingTheSameUserSeesOnlyTheirOwnChatNeverSomeoneElses() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        Client carol = signUp("carol");
        long aliceAndBob = createChat(alice, bob);
        send(alice, bob, "secret for bob");
        send(bob, alice, "secret for alice");
        String secrets = "[" + entry(alice, "secret for bob") + ", " + entry(bob, "secret for alice") + "]";

        assertDocumentError(404, "Chat not found", carol.api().get("/chats/messages/" + bob.username()));
        assertDocumentError(404, "Chat not found", carol.api().get("/chats/messages/" + alice.username()));
        assertDocumentError(
                400,
                "Invalid message or chat not found",
                carol.api().post("/chats/" + bob.username() + "/messages", Map.of("message", "intruding")));
        assertJson(200, "[]", carol.api().get("/chats"));

        long carolAndBob = createChat(carol, bob);
        send(carol, bob, "hi bob, carol here");

        assertJson(
                200,
                "[" + entry(carol, "hi bob, carol here") + "]",
                carol.api().get("/chats/messages/" + bob.username()));
        assertDocumentError(
                400,
                "Invalid message or chat not found",
                carol.api().post("/chats/" + alice.username() + "/messages", Map.of("message", "intruding")));
        assertDocumentError(404, "Chat not found", carol.api().get("/chats/messages/" + alice.username()));
        assertJson(200, "[" + chat(carolAndBob, bob) + "]", carol.api().get("/chats"));
        assertJson(200, secrets, alice.api().get("/chats/messages/" + bob.username()));
        assertJson(200, secrets, bob.api().get("/chats/messages/" + alice.username()));
        assertJson(200, "[" + chat(aliceAndBob, bob) + "]", alice.api().get("/chats"));
    }

    // --- tokens ----------------------------------------------------------------------------------

    @Test
    void everyChatEndpointNeedsATokenAndAnswers401InTheDocumentsShapeChangingNothing() {
        Client alice = signUp("alice");
        Client bob = signUp("bob");
        Client carol = signUp("carol");
        createChat(alice, bob);
        send(alice, bob, "only this");

        for (ApiClient anonymous :
                List.of(server.anonymous(), server.anonymous().withToken("not-a-token"))) {
            assertErrorShape(401, anonymous.get("/chats"));
            assertErrorShape(401, anonymous.get("/chats/"));
            assertErrorShape(401, anonymous.postEmpty("/chat/" + carol.username()));
            assertErrorShape(401, anonymous.postEmpty("/chat/:" + carol.username() + "/"));
            assertErrorShape(
                    401, anonymous.post("/chats/" + bob.username() + "/messages", Map.of("message", "anonymous")));
            assertErrorShape(401, anonymous.get("/chats/messages/" + bob.username()));
            assertErrorShape(401, anonymous.get("/chats/messages/:" + alice.username() + "/"));
        }

        assertJson(200, "[]", carol.api().get("/chats"));
        assertJson(200, "[" + entry(alice, "only this") + "]", bob.api().get("/chats/messages/" + alice.username()));
    }

    // --- the dialect's error shape and where it stops ---------------------------------------------

    @Test
    void theFrameworksOwnErrorsOnTheDocumentsPathsUseTheDocumentsShape() {
        Client alice = signUp("alice");

        assertErrorShape(404, alice.api().get("/chats/" + alice.username() + "/nothing"));
        assertErrorShape(404, alice.api().get("/chat/"));
        assertErrorShape(405, alice.api().get("/chat/" + alice.username()));
        assertErrorShape(405, alice.api().get("/register"));
        assertErrorShape(400, server.anonymous().postRaw("/login", "application/json", "{\"username\": "));
    }

    @Test
    void pathsOutsideTheDocumentKeepTheCanonicalErrorShape() {
        Client alice = signUp("alice");

        assertError(server.anonymous().get("/api/v1/chats"), 401, "unauthorized", null);
        assertError(alice.api().get("/api/v1/chats/999999/messages/"), 404, "chat_not_found", null);
        assertError(alice.api().get("/chatsroom"), 404, "not_found", null);
        assertError(alice.api().get("/chat_accept_invite_nothing"), 404, "not_found", null);
        assertError(
                server.anonymous().post("/api/v1/auth/register", credentials(alice.username(), "password123")),
                409,
                "username_taken",
                null);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String unique(String prefix) {
        return prefix + counter.incrementAndGet();
    }

    private static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    private static Map<String, Object> nullMessage() {
        Map<String, Object> body = new HashMap<>();
        body.put("message", null);
        return body;
    }

    /** Registers and logs in as the document says; fails the test unless both succeed. */
    private static Client signUp(String prefix) {
        String username = unique(prefix);
        String password = "password-" + username;
        var registered = server.anonymous().post("/register", credentials(username, password));
        assertEquals(201, registered.status(), registered.toString());
        var login = server.anonymous().post("/login", credentials(username, password));
        assertEquals(200, login.status(), login.toString());
        return new Client(
                username,
                password,
                server.anonymous().withToken(login.json().get("token").asText()));
    }

    private static long createChat(Client caller, Client other) {
        var created = caller.api().postEmpty("/chat/" + other.username());
        assertEquals(201, created.status(), created.toString());
        return created.json().get("chat_id").asLong();
    }

    private static void send(Client author, Client to, String text) {
        var sent = author.api().post("/chats/" + to.username() + "/messages", Map.of("message", text));
        assertEquals(201, sent.status(), sent.toString());
    }

    /** The account id, for the one set-up step the document cannot express (a group). */
    private static long idOf(Client client) {
        return client.api().get("/api/v1/user").json().get("id").asLong();
    }

    private static List<String> users(Client client) {
        var list = client.api().get("/chats");
        assertEquals(200, list.status(), list.toString());
        List<String> users = new ArrayList<>();
        list.json().forEach(entry -> users.add(entry.get("user").asText()));
        return users;
    }

    private static String chat(long chatId, Client user) {
        return "{\"chat_id\": %d, \"user\": \"%s\"}".formatted(chatId, user.username());
    }

    private static String entry(Client sender, String message) {
        ArrayNode wrapper = JSON.createArrayNode();
        wrapper.addObject().put("sender", sender.username()).put("message", message);
        return wrapper.get(0).toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Exactly {@code {"error": text}} with the given status. */
    private static void assertDocumentError(int status, String text, ApiClient.Response actual) {
        assertJson(status, JSON.createObjectNode().put("error", text).toString(), actual);
        assertTrue(
                actual.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                actual.toString());
    }

    /** {@code {"error": "..."}} and nothing else, with some text for people (Parley's own words). */
    private static void assertErrorShape(int status, ApiClient.Response actual) {
        assertEquals(status, actual.status(), actual.toString());
        assertTrue(
                actual.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                actual.toString());
        assertEquals(List.of("error"), fieldNames(actual.json()), actual.toString());
        assertTrue(actual.json().get("error").isTextual(), actual.toString());
        assertFalse(actual.json().get("error").asText().isBlank(), actual.toString());
    }
}
