package app.parley.server.presence;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.assertSilentFor;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.Sockets;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presence through the real server: who is online, away or offline, who may see it, and which
 * sockets hear of changes. The grace before "offline" is short here so that the tests are quick.
 */
class PresenceApiTest {
    private static final Duration GRACE = Duration.ofMillis(700);

    @RegisterExtension
    static final RunningServer server = new RunningServer()
            .withProperty("parley.presence.offline-grace", GRACE.toMillis() + "ms")
            .withProperty("parley.presence.min-interval", "100ms");

    private static final String WATCHING = Sockets.MAIN + "?presence=true";

    private static SocketClient watch(TestUser who) {
        return Sockets.awaitReady(SocketClient.open(server, who, WATCHING));
    }

    private static JsonNode nextPresence(SocketClient socket, TestUser about) {
        JsonNode frame = socket.next("presence");
        assertEquals(about.id(), frame.get("user_id").asLong(), frame::toString);
        return frame;
    }

    private static JsonNode presenceSeenBy(TestUser viewer, TestUser person) {
        ApiClient.Response answer = viewer.api().get("/api/v1/users/" + person.id() + "/presence");
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static String statusSeenBy(TestUser viewer, TestUser person) {
        return presenceSeenBy(viewer, person).get("status").asText();
    }

    @Test
    void aContactSeesSomeoneComeOnlineGoAwayComeBackAndGoOfflineWithWhenTheyWereLastSeen() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        privateChat(anna, boris);
        assertEquals("offline", statusSeenBy(anna, boris), "never connected");
        assertFalse(presenceSeenBy(anna, boris).has("last_seen"), "never seen: no last_seen");

        try (SocketClient annaMain = watch(anna)) {
            SocketClient borisMain = Sockets.openMain(server, boris);
            JsonNode online = nextPresence(annaMain, boris);
            assertEquals("online", online.get("status").asText());
            assertFalse(online.has("last_seen"), online::toString);
            assertEquals("online", statusSeenBy(anna, boris));

            borisMain.send(Map.of("type", "presence", "status", "away"));
            assertEquals("away", nextPresence(annaMain, boris).get("status").asText());
            assertEquals("away", statusSeenBy(anna, boris));
            borisMain.send(Map.of("type", "presence", "status", "online"));
            assertEquals("online", nextPresence(annaMain, boris).get("status").asText());

            Instant beforeClose = Instant.now().minusMillis(5);
            borisMain.close();
            JsonNode offline = nextPresence(annaMain, boris);
            Instant seenOffline = Instant.now();
            assertEquals("offline", offline.get("status").asText());
            Instant lastSeen = Instant.parse(offline.get("last_seen").asText());
            assertTrue(
                    !lastSeen.isBefore(beforeClose)
                            && lastSeen.isBefore(seenOffline.minus(GRACE).plusMillis(200)),
                    "last seen when the socket closed, not when it was announced: " + lastSeen);
            assertEquals(offline.get("last_seen"), presenceSeenBy(anna, boris).get("last_seen"));

            JsonNode everyone = anna.api().get("/api/v1/presence").json().get("users");
            assertEquals(1, everyone.size(), everyone::toString);
            assertEquals(boris.id(), everyone.get(0).get("user_id").asLong());
            assertEquals("offline", everyone.get(0).get("status").asText());
            assertEquals(offline.get("last_seen"), everyone.get(0).get("last_seen"));
        }
    }

    @Test
    void onlineWhileAnySocketIsOpenAndAwayOnlyWhenEveryAppSaysSo() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = group(anna, boris);
        try (SocketClient annaMain = watch(anna)) {
            SocketClient borisChat = openChat(server, boris, chat);
            assertEquals("online", nextPresence(annaMain, boris).get("status").asText(), "a chat socket counts");

            SocketClient laptop = openMain(server, boris);
            SocketClient desktop = openMain(server, boris);
            laptop.send(Map.of("type", "presence", "status", "away"));
            assertSilentFor(Duration.ofMillis(400), annaMain);
            assertEquals("online", statusSeenBy(anna, boris), "the other app is still in use");

            desktop.send(Map.of("type", "presence", "status", "away"));
            assertEquals("away", nextPresence(annaMain, boris).get("status").asText());

            desktop.close();
            assertSilentFor(Duration.ofMillis(400), annaMain);
            assertEquals("away", statusSeenBy(anna, boris), "the app left is idle too");
            laptop.close();
            assertEquals(
                    "online",
                    nextPresence(annaMain, boris).get("status").asText(),
                    "a chat socket alone says nothing of idleness");
            borisChat.close();
            assertEquals("offline", nextPresence(annaMain, boris).get("status").asText());
        }
    }

    @Test
    void aReconnectWithinTheGraceIsNotAnnouncedAtAll() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        privateChat(anna, boris);
        try (SocketClient annaMain = watch(anna)) {
            SocketClient first = openMain(server, boris);
            nextPresence(annaMain, boris);
            first.close();
            SocketClient again = openMain(server, boris);
            assertSilentFor(GRACE.plusMillis(500), annaMain);
            assertEquals("online", statusSeenBy(anna, boris));
            again.close();
            assertEquals("offline", nextPresence(annaMain, boris).get("status").asText());
        }
    }

    @Test
    void onlyPeopleWhoShareAChatSeeSomeonesPresence() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        TestUser stranger = server.register("stranger");
        privateChat(anna, boris);

        try (SocketClient strangerMain = watch(stranger);
                SocketClient annaMain = watch(anna)) {
            SocketClient borisMain = openMain(server, boris);
            nextPresence(annaMain, boris);
            assertSilent(strangerMain);

            assertError(stranger.api().get("/api/v1/users/" + boris.id() + "/presence"), 403, "no_shared_chat", null);
            JsonNode visible = stranger.api().get("/api/v1/presence").json().get("users");
            assertEquals(0, visible.size(), "a stranger sees nobody: " + visible);
            assertEquals("online", statusSeenBy(boris, boris), "one's own presence is visible to oneself");

            group(stranger, boris);
            assertEquals("online", statusSeenBy(stranger, boris), "a shared group makes it visible");
            borisMain.close();
            JsonNode offline = strangerMain.nextMatching(
                    frame -> "presence".equals(frame.path("type").asText()));
            assertEquals(boris.id(), offline.get("user_id").asLong());
            assertEquals("offline", offline.get("status").asText());
        }
    }

    @Test
    void mainSocketsThatDidNotAskAndChatSocketsHearNoPresence() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = privateChat(anna, boris);
        try (SocketClient annaMain = openMain(server, anna);
                SocketClient annaChat = openChat(server, anna, chat);
                SocketClient annaWatching = watch(anna)) {
            SocketClient borisMain = openMain(server, boris);
            nextPresence(annaWatching, boris);
            borisMain.close();
            nextPresence(annaWatching, boris);
            assertSilent(annaMain, annaChat);
        }
    }

    @Test
    void aBadPresenceFrameIsRefusedOnTheSocketAndChangesNothing() {
        TestUser anna = server.register("anna");
        TestUser boris = server.register("boris");
        long chat = privateChat(anna, boris);
        try (SocketClient annaMain = watch(anna);
                SocketClient borisMain = openMain(server, boris);
                SocketClient borisChat = openChat(server, boris, chat)) {
            nextPresence(annaMain, boris);
            List<JsonNode> errors = new ArrayList<>();
            for (Object status : new Object[] {"busy", "", "AWAY", 1}) {
                borisMain.send(Map.of("type", "presence", "status", status));
                errors.add(borisMain.next("error"));
            }
            borisMain.send(Map.of("type", "presence"));
            errors.add(borisMain.next("error"));
            for (JsonNode error : errors) {
                assertEquals("invalid_input", error.get("code").asText(), error::toString);
                assertEquals("status", error.get("field").asText(), error::toString);
            }
            borisChat.send(Map.of("type", "presence", "status", "away"));
            JsonNode onChat = borisChat.next("error");
            assertEquals("type", onChat.get("field").asText(), onChat::toString);

            assertSilent(annaMain);
            assertEquals("online", statusSeenBy(anna, boris));
            assertTrue(borisMain.waiting().isEmpty() && !borisMain.isClosed(), "the socket stays open");
        }
    }

    @Test
    void unknownPeopleAndBadIdsAreClearErrors() {
        TestUser anna = server.register("anna");
        assertEquals(404, anna.api().get("/api/v1/users/999999/presence").status());
        assertError(anna.api().get("/api/v1/users/not-an-id/presence"), 400, "invalid_input", "user_id");
        assertEquals(401, server.anonymous().get("/api/v1/presence").status());
        assertEquals(
                401,
                server.anonymous()
                        .get("/api/v1/users/" + anna.id() + "/presence")
                        .status());
    }
}
