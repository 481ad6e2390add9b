package app.parley.server.sessions;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions through the real server: signing out ends that token at once and closes its sockets,
 * a person lists their sessions and ends one from another device, a password change ends every
 * other session, and nobody can touch someone else's.
 */
class SessionApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String password(TestUser user) {
        return "password-" + user.username();
    }

    /** Another sign-in of the same person, as from a second device. */
    private static ApiClient signIn(TestUser user, String client) {
        ApiClient.Response answer = server.anonymous()
                .postWithHeaders(
                        "/api/v1/auth/login",
                        Map.of("username", user.username(), "password", password(user)),
                        "User-Agent",
                        client);
        assertEquals(200, answer.status(), answer::toString);
        return user.api().withToken(answer.json().get("access_token").asText());
    }

    @Test
    void signingOutEndsThatTokenAtOnceClosesItsSocketsAndLeavesTheOtherDevices() {
        TestUser anna = server.register("anna");
        ApiClient laptop = signIn(anna, "Parley laptop");
        ApiClient phone = signIn(anna, "Parley phone");
        SocketClient laptopMain = SocketClient.open(server.port(), Sockets.MAIN, laptop.token());
        Sockets.awaitReady(laptopMain);

        assertEquals(204, laptop.postEmpty("/api/v1/auth/logout").status());
        assertEquals(4401, laptopMain.closeCode(), "its socket closes as for a refused token");
        assertError(laptop.get("/api/v1/user"), 401, "session_ended", null);
        assertEquals(200, phone.get("/api/v1/user").status(), "the phone stays signed in");
        assertEquals(401, SocketClient.refusedStatus(server.port(), Sockets.MAIN, laptop.token()));
    }

    @Test
    void aPersonSeesTheirSessionsAndEndsALostOne() {
        TestUser boris = server.register("boris");
        ApiClient desktop = signIn(boris, "Parley desktop");
        ApiClient lost = signIn(boris, "Parley on the lost laptop");

        JsonNode sessions = desktop.get("/api/v1/auth/sessions").json().get("sessions");
        assertEquals(3, sessions.size(), "registration's, and two sign-ins: " + sessions);
        JsonNode lostOne = null;
        int current = 0;
        for (JsonNode session : sessions) {
            if (session.get("current").asBoolean()) {
                current++;
                assertEquals("Parley desktop", session.get("client").asText());
            }
            if ("Parley on the lost laptop".equals(session.get("client").asText())) {
                lostOne = session;
            }
            assertTrue(session.has("created_at") && session.has("last_used_at") && session.has("address"));
        }
        assertEquals(1, current, "exactly one is the asking one");

        assertEquals(
                204,
                desktop.delete("/api/v1/auth/sessions/" + lostOne.get("id").asText())
                        .status());
        assertError(lost.get("/api/v1/user"), 401, "session_ended", null);
        assertEquals(
                2, desktop.get("/api/v1/auth/sessions").json().get("sessions").size());
        assertError(
                desktop.delete("/api/v1/auth/sessions/" + lostOne.get("id").asText()), 404, "session_not_found", null);
    }

    @Test
    void nobodyEndsOrSeesSomeoneElsesSessions() {
        TestUser anna = server.register("anna");
        TestUser mallory = server.register("mallory");
        String annas = anna.api()
                .get("/api/v1/auth/sessions")
                .json()
                .get("sessions")
                .get(0)
                .get("id")
                .asText();
        assertError(mallory.api().delete("/api/v1/auth/sessions/" + annas), 404, "session_not_found", null);
        assertEquals(200, anna.api().get("/api/v1/user").status());
        JsonNode malloryList = mallory.api().get("/api/v1/auth/sessions").json().get("sessions");
        assertEquals(1, malloryList.size());
        assertFalse(malloryList.toString().contains(annas));
        assertEquals(401, server.anonymous().get("/api/v1/auth/sessions").status());
        assertEquals(401, server.anonymous().postEmpty("/api/v1/auth/logout").status());
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndNeedsTheCurrentPassword() {
        TestUser clara = server.register("clara");
        TestUser dora = server.register("dora");
        long chat = privateChat(clara, dora);
        ApiClient other = signIn(clara, "Parley elsewhere");
        SocketClient otherSocket =
                Sockets.openChat(server, new TestUser(clara.id(), clara.uuid(), clara.username(), other), chat);

        assertError(
                clara.api()
                        .put(
                                "/api/v1/auth/password",
                                Map.of("current_password", "wrong one", "new_password", "a new password")),
                400,
                "invalid_input",
                "current_password");
        assertError(
                clara.api()
                        .put(
                                "/api/v1/auth/password",
                                Map.of("current_password", password(clara), "new_password", "short")),
                400,
                "invalid_input",
                "new_password");
        assertEquals(200, other.get("/api/v1/user").status(), "refused changes end nothing");

        ApiClient.Response changed = clara.api()
                .put(
                        "/api/v1/auth/password",
                        Map.of("current_password", password(clara), "new_password", "a new password"));
        assertEquals(204, changed.status(), changed::toString);
        assertEquals(200, clara.api().get("/api/v1/user").status(), "this session goes on");
        assertError(other.get("/api/v1/user"), 401, "session_ended", null);
        assertEquals(4401, otherSocket.closeCode());
        assertEquals(
                401,
                server.anonymous()
                        .post("/api/v1/auth/login", Map.of("username", clara.username(), "password", password(clara)))
                        .status());
        assertEquals(
                200,
                server.anonymous()
                        .post("/api/v1/auth/login", Map.of("username", clara.username(), "password", "a new password"))
                        .status());
    }

    @Test
    void aTokenWithoutASessionIsNotAccepted() {
        TestUser erik = server.register("erik");
        var tokens = server.bean(io.micronaut.security.token.generator.TokenGenerator.class);
        String legacy = tokens.generateToken(
                        io.micronaut.security.authentication.Authentication.build(
                                String.valueOf(erik.id()), java.util.List.of(), Map.of("uuid", erik.uuid())),
                        3600)
                .orElseThrow();
        assertError(erik.api().withToken(legacy).get("/api/v1/user"), 401, "invalid_token", null);
    }
}
