package app.parley.server.security;

import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.support.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.parley.server.support.ApiClient;
import app.parley.server.support.Handshakes;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import app.parley.server.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token opens the API only if it is this server's and valid now; anything else sent as a token
 * is {@code 401 invalid_token}, on HTTP and on WebSocket handshakes. No token at all stays
 * {@code 401 unauthorized}.
 */
class TokenValidityApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String NO_TOKEN =
            "authentication required: send a valid 'Authorization: Bearer <token>' header";
    private static final String INVALID = "the token is not valid (malformed, forged or expired): sign in again";

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        ApiClient.Response response = server.anonymous().get("/api/v1/chats");

        assertError(response, 401, "unauthorized", null);
        assertEquals(NO_TOKEN, response.json().get("message").asText());
    }

    @Test
    void aTokenThatIsNotAJwtIsAnInvalidToken() {
        ApiClient.Response response = server.anonymous().withToken("not-a-jwt").get("/api/v1/chats");

        assertError(response, 401, "invalid_token", null);
        assertEquals(INVALID, response.json().get("message").asText());
    }

    @Test
    void aTokenWithATamperedSignatureIsAnInvalidToken() {
        String token = server.register("tampered").api().token();
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertError(server.anonymous().withToken(tampered).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsAnInvalidToken() {
        TestUser alice = server.register("alice");
        byte[] otherSecret =
                "another installation's secret, 64 bytes long, for HS256 signing!".getBytes(StandardCharsets.US_ASCII);

        String foreign = Tokens.signedWith(otherSecret, Tokens.claimsOf(alice));

        assertError(server.anonymous().withToken(foreign).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void anUnsignedTokenIsAnInvalidToken() {
        TestUser alice = server.register("alice");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = Tokens.claimsOf(alice).build().toString();
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";

        assertError(server.anonymous().withToken(unsigned).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aTokenSignedByTheServerWithTheClaimsItIssuesOpensTheApi() {
        TestUser alice = server.register("alice");

        String token = Tokens.signedByServer(server, Tokens.claimsOf(alice));

        ApiClient.Response me = server.anonymous().withToken(token).get("/api/v1/user");
        assertEquals(200, me.status(), me.toString());
        assertEquals(alice.username(), me.json().get("username").asText());
    }

    @Test
    void theTokensTheServerIssuesNameItAsIssuerAndExpire() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestUser alice = server.register("alice");

        JWTClaimsSet claims = Tokens.claimsIn(alice.api().token());

        assertEquals("parley", claims.getIssuer());
        assertEquals(String.valueOf(alice.id()), claims.getSubject());
        assertEquals(alice.uuid(), claims.getClaim("uuid"));
        Instant notBefore = claims.getNotBeforeTime().toInstant();
        assertFalse(notBefore.isBefore(before), notBefore + " is before " + before);
        assertEquals(
                Duration.ofDays(30),
                Duration.between(notBefore, claims.getExpirationTime().toInstant()));
    }

    @Test
    void aTokenWithoutAnExpiryIsAnInvalidToken() {
        TestUser alice = server.register("alice");

        String everlasting =
                Tokens.signedByServer(server, Tokens.claimsOf(alice).expirationTime(null));

        assertError(server.anonymous().withToken(everlasting).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void anExpiredTokenIsAnInvalidToken() {
        TestUser alice = server.register("alice");
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));

        String expired = Tokens.signedByServer(
                server,
                Tokens.claimsOf(alice)
                        .issueTime(Date.from(hourAgo.minusSeconds(60)))
                        .notBeforeTime(Date.from(hourAgo.minusSeconds(60)))
                        .expirationTime(Date.from(hourAgo)));

        assertError(server.anonymous().withToken(expired).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aTokenNotValidYetIsAnInvalidToken() {
        TestUser alice = server.register("alice");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

        String early = Tokens.signedByServer(
                server,
                Tokens.claimsOf(alice)
                        .notBeforeTime(Date.from(tomorrow))
                        .expirationTime(Date.from(tomorrow.plus(Duration.ofDays(1)))));

        assertError(server.anonymous().withToken(early).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aTokenOfAnotherIssuerIsAnInvalidToken() {
        TestUser alice = server.register("alice");

        String foreign = Tokens.signedByServer(server, Tokens.claimsOf(alice).issuer("micronaut"));

        assertError(server.anonymous().withToken(foreign).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aTokenWithoutAnIssuerIsAnInvalidToken() {
        TestUser alice = server.register("alice");

        String anonymousIssuer =
                Tokens.signedByServer(server, Tokens.claimsOf(alice).issuer(null));

        assertError(server.anonymous().withToken(anonymousIssuer).get("/api/v1/chats"), 401, "invalid_token", null);
    }

    @Test
    void aBadTokenDoesNotStandInTheWayOfSigningIn() {
        TestUser alice = server.register("alice");

        ApiClient.Response login = server.anonymous()
                .withToken("stale-token")
                .post(
                        "/api/v1/auth/login",
                        Map.of("username", alice.username(), "password", "password-" + alice.username()));

        assertEquals(200, login.status(), login.toString());
    }

    @Test
    void aHandshakeWithABadTokenIsRefusedAsAnInvalidTokenOnEverySocket() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        for (String path : socketPaths(chat, group(alice, bob))) {
            assertError(Handshakes.attempt(server.port(), path, "not-a-jwt"), 401, "invalid_token", null);
            assertError(
                    Handshakes.attempt(server.port(), path + "?access_token=not-a-jwt", null),
                    401,
                    "invalid_token",
                    null);
            assertError(Handshakes.attempt(server.port(), path, null), 401, "unauthorized", null);
        }
    }

    /** Every WebSocket endpoint, canonical and seed dialects alike (their handshakes are refused before any dialect runs). */
    static List<String> socketPaths(long chat, long group) {
        return List.of("/api/v1/chat/" + chat, "/api/v1/group/" + group, "/ws/chat/" + chat + "/", "/api/v1/main");
    }
}
