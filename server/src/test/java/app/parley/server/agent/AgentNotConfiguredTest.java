package app.parley.server.agent;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without an agent (the default configuration, which has no endpoint and no model) and with one
 * configured but switched off: nobody is told there is one, an AI conversation is refused with a
 * clear error in each API's own shape, and nothing is ever sent to a model server.
 */
class AgentNotConfiguredTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Would answer if it were ever asked. */
    private static final FakeModelServer fake = FakeModelServer.start();

    /** application.yml as shipped: enabled, but no endpoint and no model. */
    @RegisterExtension
    static final RunningServer unconfigured = new RunningServer();

    /** Endpoint and model set, but the owner's switch is off. */
    @RegisterExtension
    static final RunningServer disabled = new RunningServer()
            .withProperty("parley.agent.enabled", false)
            .withProperty("parley.agent.endpoint", fake.baseUrl())
            .withProperty("parley.agent.model", "switched-off-model")
            .withProperty("parley.agent.api-key", "sk-disabled-key");

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static List<RunningServer> servers() {
        return List.of(unconfigured, disabled);
    }

    /** Seed 004's error: exactly {@code {"error": {"message", "status"}}}. */
    private static void assertDocumentError(ApiClient.Response response, int status, String messagePart) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(
                response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                response.toString());
        String message = response.json().path("error").path("message").asText();
        assertTrue(message.contains(messagePart), () -> "'" + message + "' should mention '" + messagePart + "'");
        ObjectNode expected = JSON.createObjectNode();
        expected.putObject("error").put("message", message).put("status", status);
        assertEquals(expected, response.json(), response.toString());
    }

    @Test
    void getAgentSaysThereIsNoAgentWithNoUserAndNoModel() {
        JsonNode none = json(
                JSON.createObjectNode().put("available", false).putNull("user").putNull("model"));
        for (RunningServer server : servers()) {
            TestUser alice = server.register("alice");

            ApiClient.Response response = alice.api().get("/api/v1/agent");

            assertEquals(200, response.status(), response.toString());
            assertEquals(none, response.json());
            assertEquals(none, alice.api().get("/api/v1/agent/").json());
        }
    }

    @Test
    void startingAnAgentConversationIs400InvalidInputOnIsAiAndMakesNoChat() {
        for (RunningServer server : servers()) {
            TestUser alice = server.register("alice");

            ApiClient.Response response = alice.api().postEmpty("/api/v1/agent/conversation");

            assertError(response, 400, "invalid_input", "is_ai");
            assertTrue(
                    response.json().get("message").asText().contains("no AI agent is configured"), response.toString());
            assertEquals(0, alice.api().get("/api/v1/chats").json().get("rooms").size());
        }
    }

    @Test
    void seed004IsAiIs400InItsOwnShapeSayingNoAgentIsConfigured() {
        for (RunningServer server : servers()) {
            TestUser alice = server.register("alice");
            TestUser bob = server.register("bob");

            assertDocumentError(
                    alice.api().post("/api/conversations", Map.of("is_ai", true)), 400, "no AI agent is configured");
            assertDocumentError(
                    alice.api().post("/api/conversations/", Map.of("is_ai", true, "participant_id", bob.uuid())),
                    400,
                    "no AI agent is configured");

            assertEquals(
                    JSON.createArrayNode(),
                    alice.api().get("/api/conversations").json());
        }
    }

    @Test
    void noBotAccountIsMadeSoTheMembersListHasOnlyPeople() {
        for (RunningServer server : servers()) {
            TestUser alice = server.register("alice");
            alice.api().get("/api/v1/agent");
            alice.api().postEmpty("/api/v1/agent/conversation");
            alice.api().post("/api/conversations", Map.of("is_ai", true));

            JsonNode users = alice.api().get("/api/users").json();
            assertTrue(users.isArray() && !users.isEmpty(), users.toString());
            for (JsonNode user : users) {
                assertFalse("Parley AI".equals(user.path("name").asText()), users.toString());
            }
        }
    }

    @Test
    void withTheAgentSwitchedOffNothingIsEverSentToTheModelServer() {
        TestUser alice = disabled.register("alice");
        TestUser bob = disabled.register("bob");
        long chat = alice.api()
                .post("/api/v1/chat/" + bob.id(), Map.of())
                .json()
                .get("chat")
                .get("id")
                .asLong();

        ApiClient.Response sent =
                alice.api().post("/api/v1/chats/" + chat + "/messages/", Map.of("text", "is a bot listening?"));

        assertEquals(201, sent.status(), sent.toString());
        await().during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(2))
                .until(() -> fake.requests().isEmpty());
    }
}
