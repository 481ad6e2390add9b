package app.parley.server.chats;

import static app.parley.server.messages.Conversations.assertError;
import static app.parley.server.messages.Conversations.privateChat;
import static app.parley.server.messages.Conversations.room;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Muting a chat: the member's own setting, for a while or until unmuted, heard by their other devices. */
class MuteApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String mutePath(long chat) {
        return "/api/v1/chats/" + chat + "/mute/";
    }

    @Test
    void aMuteForAnHourShowsInTheMembersListOnlyAndUnmutingEndsIt() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        ApiClient.Response muted = alice.api().put(mutePath(chat), Map.of("until", until.toString()));

        assertEquals(200, muted.status(), muted.body());
        assertTrue(muted.json().get("muted").asBoolean());
        assertEquals(until, Instant.parse(muted.json().get("muted_until").asText()));
        JsonNode aliceSees = room(alice, chat);
        assertTrue(aliceSees.get("muted").asBoolean());
        assertEquals(until, Instant.parse(aliceSees.get("muted_until").asText()));
        assertFalse(room(bob, chat).has("muted"), "the other member's chat is not muted");

        ApiClient.Response unmuted = alice.api().delete(mutePath(chat));
        assertEquals(200, unmuted.status(), unmuted.body());
        assertFalse(unmuted.json().get("muted").asBoolean());
        assertFalse(room(alice, chat).has("muted"));
        assertFalse(room(alice, chat).has("muted_until"));
    }

    @Test
    void aMuteWithoutATimeLastsUntilUnmuted() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        assertEquals(200, alice.api().put(mutePath(chat), Map.of()).status());

        JsonNode aliceSees = room(alice, chat);
        assertTrue(aliceSees.get("muted").asBoolean());
        assertFalse(aliceSees.has("muted_until"), aliceSees.toString());
    }

    @Test
    void aTimeInThePastOrMoreThanAYearAheadIsRefusedAndChangesNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        assertError(
                alice.api()
                        .put(
                                mutePath(chat),
                                Map.of("until", Instant.now().minusSeconds(60).toString())),
                400,
                "invalid_input",
                "until");
        assertError(
                alice.api()
                        .put(
                                mutePath(chat),
                                Map.of(
                                        "until",
                                        Instant.now().plus(Duration.ofDays(400)).toString())),
                400,
                "invalid_input",
                "until");
        assertFalse(room(alice, chat).has("muted"));
    }

    @Test
    void anOutsiderCannotMuteSomeoneElsesChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser mallory = server.register("mallory");
        long chat = privateChat(alice, bob);

        assertError(mallory.api().put(mutePath(chat), Map.of()), 403, "not_a_member", null);
        assertError(mallory.api().delete(mutePath(chat)), 403, "not_a_member", null);
        assertFalse(room(alice, chat).has("muted"));
    }

    @Test
    void theMembersOwnMainSocketsHearOfTheMuteAndNobodyElseDoes() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        try (SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob)) {

            alice.api().put(mutePath(chat), Map.of());

            JsonNode frame = aliceMain.next("chat_muted");
            assertEquals(chat, frame.get("chat_id").asLong());
            assertTrue(frame.get("muted").asBoolean());
            assertSilent(aliceMain, bobMain);

            alice.api().delete(mutePath(chat));
            assertFalse(aliceMain.next("chat_muted").get("muted").asBoolean());
            assertSilent(aliceMain, bobMain);
        }
    }
}
