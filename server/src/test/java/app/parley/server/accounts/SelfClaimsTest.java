package app.parley.server.accounts;

import static app.parley.server.messages.Conversations.historyTexts;
import static app.parley.server.messages.Conversations.privateChat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.model.common.IdValue;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whether a user a request names as the one acting is the caller is {@link AccountService}'s
 * rule alone: a UUID names its user in any letter case, over HTTP and in a socket frame alike.
 */
class SelfClaimsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private final AccountService accounts = server.bean(AccountService.class);

    @Test
    void theServiceTakesTheCallersUuidInAnyLetterCaseAndNobodyElses() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        String shouted = alice.uuid().toUpperCase(Locale.ROOT);

        assertEquals(
                alice.id(), accounts.requireSelf(alice.id(), shouted, "user_id").id());
        assertEquals(
                alice.id(),
                accounts.requireAuthorIsSelf(alice.id(), IdValue.from(shouted), "author.id")
                        .id());
        var asCaller = assertThrows(
                ForbiddenException.class,
                () -> accounts.requireSelf(alice.id(), bob.uuid().toUpperCase(Locale.ROOT), "user_id"));
        var asAuthor = assertThrows(
                ForbiddenException.class,
                () -> accounts.requireAuthorIsSelf(
                        alice.id(), IdValue.from(bob.uuid().toUpperCase(Locale.ROOT)), "author.id"));
        assertEquals("not_the_caller", asCaller.code());
        assertEquals("not_the_author", asAuthor.code());
    }

    @Test
    void aMessageFrameWhoseAuthorUuidDiffersOnlyInLetterCaseIsTakenAsTheServiceTakesIt() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient socket = SocketClient.open(server, alice, "/api/v1/chat/" + chat)) {
            socket.next("history");
            socket.send(Map.of(
                    "type",
                    "message",
                    "text",
                    "mine, shouted",
                    "author",
                    Map.of("id", alice.uuid().toUpperCase(Locale.ROOT))));
            assertEquals("mine, shouted", socket.next("message").get("text").asText());

            socket.send(Map.of(
                    "type",
                    "message",
                    "text",
                    "bob's?",
                    "author",
                    Map.of("id", bob.uuid().toUpperCase(Locale.ROOT))));
            JsonNode refused = socket.next("error");
            assertEquals("not_the_author", refused.get("code").asText(), refused.toString());
        }
        assertEquals(List.of("mine, shouted"), historyTexts(bob, chat));
    }
}
