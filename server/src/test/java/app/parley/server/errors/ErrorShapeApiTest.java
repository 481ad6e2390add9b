package app.parley.server.errors;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.assertErrorBody;
import static app.parley.server.messages.Conversations.assertNoMessages;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refusal, the framework's own included, comes in the one canonical error shape. */
class ErrorShapeApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static TestUser alice;
    private static TestUser bob;
    private static long chat;

    @BeforeAll
    static void aChat() {
        alice = server.register("alice");
        bob = server.register("bob");
        chat = privateChat(alice, bob);
    }

    /** A request with a method {@link ApiClient} has no shortcut for. */
    private static ApiClient.Response request(String method, String path, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        server.anonymous().base().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}"))
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

    @Test
    void anUnknownRouteIsNotFoundInTheCanonicalShape() {
        assertErrorBody(
                alice.api().get("/api/v1/no-such-thing"),
                404,
                "not_found",
                "no such endpoint: GET /api/v1/no-such-thing",
                null);
        assertErrorBody(
                alice.api().post("/api/v1/chats/" + chat + "/nope/", Map.of()),
                404,
                "not_found",
                "no such endpoint: POST /api/v1/chats/" + chat + "/nope/",
                null);
    }

    @Test
    void anUnknownRouteIsNotFoundEvenWithoutAToken() {
        assertError(server.anonymous().get("/api/v1/no-such-thing"), 404, "not_found", null);
    }

    @Test
    void aWrongMethodIsMethodNotAllowedInTheCanonicalShape() throws Exception {
        String markRead = "/api/v1/chats/" + chat + "/mark_read/";

        assertError(alice.api().get(markRead), 405, "method_not_allowed", null);
        assertError(alice.api().delete(markRead), 405, "method_not_allowed", null);
        assertError(request("PUT", messagesPath(chat), alice.api().token()), 405, "method_not_allowed", null);
        assertError(request("PATCH", "/api/v1/chats/unread/", alice.api().token()), 405, "method_not_allowed", null);
        assertError(alice.api().post("/api/v1/chats/unread/", Map.of()), 405, "method_not_allowed", null);

        assertNoMessages(bob, chat);
    }

    @Test
    void theAllowHeaderOfAMethodNotAllowedNamesTheRightMethods() {
        ApiClient.Response response = alice.api().get("/api/v1/chats/" + chat + "/mark_read/");

        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("POST"), allow);
        assertFalse(allow.contains("GET"), allow);
    }

    @Test
    void aServiceRefusalCarriesItsStatusCodeMessageAndField() {
        assertErrorBody(
                alice.api().get(messagesPath(chat) + "?limit=0"),
                400,
                "invalid_input",
                "limit must be between 1 and 200",
                "limit");
        assertErrorBody(
                alice.api().get(messagesPath(987_654)), 404, "chat_not_found", "chat 987654 does not exist", null);
        assertErrorBody(
                server.register("mallory").api().get(messagesPath(chat)),
                403,
                "not_a_member",
                "you are not a member of chat " + chat,
                null);
    }

    @Test
    void malformedJsonIsABadRequestInTheCanonicalShape() {
        String notJson = "the request body is not valid JSON";
        assertErrorBody(
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": "),
                400,
                "bad_request",
                notJson,
                null);
        assertErrorBody(
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": \"cut"),
                400,
                "bad_request",
                notJson,
                null);
        assertErrorBody(
                alice.api().postRaw("/api/v1/chats/" + chat + "/mark_read/", "application/json", "{oops"),
                400,
                "bad_request",
                notJson,
                null);

        assertNoMessages(bob, chat);
    }

    @Test
    void aBodyOfTheWrongShapeIsABadRequestThatNamesNoJavaTypes() {
        assertErrorBody(
                alice.api().postRaw(messagesPath(chat), "application/json", "[\"hello\"]"),
                400,
                "bad_request",
                "the request body must be a JSON object with the documented fields",
                null);
        assertErrorBody(
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": {\"nested\": true}}"),
                400,
                "bad_request",
                "text has the wrong type",
                "text");
        assertErrorBody(
                alice.api()
                        .postRaw("/api/v1/group", "application/json", "{\"name\": \"g\", \"users\": [{\"id\": 1}, 7]}"),
                400,
                "bad_request",
                "users[1] has the wrong type",
                "users[1]");

        assertNoMessages(bob, chat);
    }

    @Test
    void aWholeNumberTooLargeForItsFieldIsInvalidInputNamingTheFieldNotMalformedJson() {
        String markRead = "/api/v1/chats/" + chat + "/mark_read/";
        String invites = "/api/v1/chats/" + chat + "/invites/";

        assertErrorBody(
                alice.api().postRaw(markRead, "application/json", "{\"up_to_message_id\": 99999999999999999999}"),
                400,
                "invalid_input",
                "up_to_message_id is out of range: it must be between -9223372036854775808 and 9223372036854775807",
                "up_to_message_id");
        assertErrorBody(
                alice.api().postRaw(invites, "application/json", "{\"max_uses\": 3000000000}"),
                400,
                "invalid_input",
                "max_uses is out of range: it must be between -2147483648 and 2147483647",
                "max_uses");
        assertErrorBody(
                alice.api().postRaw(invites, "application/json", "{\"max_uses\": -3000000000}"),
                400,
                "invalid_input",
                "max_uses is out of range: it must be between -2147483648 and 2147483647",
                "max_uses");
    }

    @Test
    void anUnsupportedContentTypeIsRefusedInTheCanonicalShapeAndNothingIsStored() {
        ApiClient.Response response = alice.api().postRaw(messagesPath(chat), "text/plain", "hello");

        assertError(response, 415, "unsupported_media_type", null);
        assertNoMessages(bob, chat);
    }

    @Test
    void aMissingTokenIsUnauthorizedInTheCanonicalShape() {
        assertErrorBody(
                server.anonymous().get("/api/v1/chats/unread/"),
                401,
                "unauthorized",
                "authentication required: send a valid 'Authorization: Bearer <token>' header",
                null);
    }

    @Test
    void aBadTokenIsAnInvalidTokenInTheCanonicalShape() {
        String message = "the token is not valid (malformed, forged or expired): sign in again";
        for (String token : new String[] {"garbage", alice.api().token() + "x"}) {
            assertErrorBody(
                    server.anonymous().withToken(token).get("/api/v1/chats/unread/"),
                    401,
                    "invalid_token",
                    message,
                    null);
        }
    }

    @Test
    void nothingLeaksTheServersInsides() {
        for (ApiClient.Response response : List.of(
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": [1, 2"),
                alice.api().postRaw(messagesPath(chat), "application/json", "{\"text\": 5}"),
                alice.api().get(messagesPath(chat) + "?limit=ten"),
                alice.api().get("/api/v1/no-such-thing"))) {
            String body = response.body();
            assertFalse(body.contains("Exception"), body);
            assertFalse(body.contains("app.parley"), body);
            assertFalse(body.contains("com.fasterxml"), body);
            assertFalse(body.contains("java."), body);
        }
    }
}
