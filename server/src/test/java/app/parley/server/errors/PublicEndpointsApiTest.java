package app.parley.server.errors;

import static app.parley.server.messages.Conversations.history;
import static app.parley.server.messages.Conversations.messagesPath;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.send;
import static app.parley.server.messages.Conversations.unread;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What answers without a token (the health check and the API description), and what the
 * framework would add but Parley does not serve (management endpoints).
 */
class PublicEndpointsApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void healthAnswersTheStatusAloneWithoutAToken() {
        assertJson(200, "{\"status\": \"UP\"}", server.anonymous().get("/health"));
        assertJson(200, "{\"status\": \"UP\"}", server.anonymous().get("/health/"));
    }

    @Test
    void healthAnswersTheStatusAloneToASignedInUserToo() {
        TestUser alice = server.register("alice");

        assertJson(200, "{\"status\": \"UP\"}", alice.api().get("/health"));
    }

    @Test
    void pathsBelowHealthAreUnknownEndpoints() {
        TestUser alice = server.register("alice");

        for (String path :
                List.of("/health/db", "/health/liveness", "/health/readiness", "/health/database", "/health/x/y")) {
            ApiClient.Response response = alice.api().get(path);
            assertError(response, 404, "not_found", null);
            assertEquals(
                    "no such endpoint: GET " + path,
                    response.json().get("message").asText());
            assertError(server.anonymous().get(path), 404, "not_found", null);
        }
    }

    @Test
    void managementEndpointsAreUnknownEndpointsEvenForASignedInUser() {
        TestUser alice = server.register("alice");

        for (String path : List.of(
                "/beans",
                "/routes",
                "/info",
                "/threaddump",
                "/env",
                "/loggers",
                "/metrics",
                "/caches",
                "/refresh",
                "/stop")) {
            assertError(alice.api().get(path), 404, "not_found", null);
            assertError(alice.api().post(path, java.util.Map.of()), 404, "not_found", null);
            assertError(server.anonymous().get(path), 404, "not_found", null);
        }
    }

    @Test
    void aHealthCheckLeavesEveryOtherRequestWorking() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        send(alice, chat, "before the health check");

        assertEquals(200, server.anonymous().get("/health").status());
        // Enough requests to go through every pooled database connection.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(alice.api().get(messagesPath(chat)).status());
            statuses.add(alice.api()
                    .post(messagesPath(chat), java.util.Map.of("text", "after " + i))
                    .status());
        }

        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), statuses::toString);
        assertEquals(21, history(bob, chat).size());
        assertEquals(21, unread(bob, chat));
    }

    @Test
    void theOpenApiDocumentAnswersWithoutATokenAndDescribesMessagesAndGroups() {
        ApiClient.Response response = server.anonymous().get("/openapi/parley-api-v1.yml");

        assertEquals(200, response.status(), response.body());
        for (String path : List.of(
                "/api/v1/chats/{chatId}/messages:",
                "/api/v1/chats/{chatId}/messages/{messageId}:",
                "/api/v1/chats/{chatId}/mark_read:",
                "/api/v1/chats/unread:",
                "/api/v1/chats/{chat}/search:",
                "/api/v1/group/{id}/leave:",
                "/api/v1/group/{id}/owner:",
                "/api/v1/group/{id}/photo:")) {
            assertTrue(response.body().contains(path), path);
        }
    }
}
