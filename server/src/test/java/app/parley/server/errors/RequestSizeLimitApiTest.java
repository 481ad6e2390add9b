package app.parley.server.errors;

import static app.parley.server.messages.Conversations.assertErrorBody;
import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies that are read into memory (JSON) and larger than {@code micronaut.server.max-request-buffer-size}
 * are refused before anything reads them. (The request size limit itself is raised to fit file uploads.)
 * Headers and URLs over the HTTP decoder's limits get their own statuses, 431 and 414.
 */
class RequestSizeLimitApiTest {
    private static final String TOO_LARGE = "the request body is larger than this server accepts";

    @RegisterExtension
    static final RunningServer server =
            new RunningServer().withProperty("micronaut.server.max-request-buffer-size", "1KB");

    @Test
    void anOversizedBodyIsPayloadTooLargeInTheCanonicalShapeAndNothingIsStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        ApiClient.Response response = alice.api().post(messagesPath(chat), Map.of("text", "x".repeat(2048)));

        assertErrorBody(response, 413, "payload_too_large", TOO_LARGE, null);
        assertEquals(List.of(), historyTexts(bob, chat));
        assertEquals(0, unread(bob, chat));
    }

    @Test
    void anOversizedChunkedBodyIsAlsoPayloadTooLarge() throws Exception {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        byte[] body = ("{\"text\": \"" + "я".repeat(2048) + "\"}").getBytes(StandardCharsets.UTF_8);
        // No length known up front: the body goes out in chunks.
        HttpRequest request = HttpRequest.newBuilder(alice.api().base().resolve(messagesPath(chat)))
                .header("Authorization", "Bearer " + alice.api().token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)))
                .build();

        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertErrorBody(
                new ApiClient.Response(response.statusCode(), response.body(), response.headers(), new byte[0]),
                413,
                "payload_too_large",
                TOO_LARGE,
                null);
        assertEquals(List.of(), historyTexts(bob, chat));
    }

    @Test
    void aBodyWithinTheLimitIsAcceptedAndTheServerKeepsServingAfterARefusal() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        assertEquals(
                413,
                alice.api()
                        .post(messagesPath(chat), Map.of("text", "x".repeat(4000)))
                        .status());
        send(alice, chat, "y".repeat(900));
        send(alice, chat, "small");

        assertEquals(List.of("y".repeat(900), "small"), historyTexts(bob, chat));
    }

    @Test
    void anOversizedBodyWithoutATokenIsStillRefused() {
        ApiClient.Response response =
                server.anonymous().post("/api/v1/chats/1/messages/", Map.of("text", "x".repeat(4000)));

        // Either refusal is fine; what matters is that nothing big is read for a stranger.
        assertTrue(response.status() == 401 || response.status() == 413, response.toString());
        assertEquals("error", response.json().get("status").asText());
    }

    /** A GET with one extra header, sent by a real client. */
    private static ApiClient.Response get(TestUser user, String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(user.api().base().resolve(path))
                .header("Authorization", "Bearer " + user.api().token());
        if (header != null) {
            request.header(header, value);
        }
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body(), response.headers(), new byte[0]);
        }
    }

    @Test
    void headersOverTheLimitAreRequestHeaderFieldsTooLargeNotAnOversizedBody() throws Exception {
        TestUser alice = server.register("alice");

        ApiClient.Response response = get(alice, "/api/v1/chats/unread/", "X-Padding", "a".repeat(100_000));

        assertErrorBody(
                response,
                431,
                "headers_too_large",
                "the request headers are larger than this server accepts (8 KB in all)",
                null);
        assertEquals(200, get(alice, "/api/v1/chats/unread/", null, null).status());
    }

    @Test
    void aUrlOverTheLimitIsUriTooLongNotAnOversizedBody() throws Exception {
        TestUser alice = server.register("alice");

        ApiClient.Response response = get(alice, "/api/v1/users?username=" + "a".repeat(20_000), null, null);

        assertErrorBody(
                response,
                414,
                "uri_too_long",
                "the request URL is longer than this server accepts (4 KB with the method and HTTP version)",
                null);
        assertEquals(200, get(alice, "/api/v1/users?username=a", null, null).status());
    }
}
