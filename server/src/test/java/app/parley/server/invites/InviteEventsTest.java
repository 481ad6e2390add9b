package app.parley.server.invites;

import static app.parley.server.invites.Invites.accept;
import static app.parley.server.invites.Invites.group;
import static app.parley.server.invites.Invites.invite;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.json;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.invites.Invites.Group;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What sockets hear when someone joins a group with an invite, and that refused or repeated accepts say nothing. */
class InviteEventsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static JsonNode membersAdded(long chatId, TestUser user) {
        return json("""
            {"type": "members_added", "chat_id": %d, "users": [{"id": %d, "name": "%s", "username": "%s"}]}\
            """.formatted(chatId, user.id(), user.username(), user.username()));
    }

    private static JsonNode chatCreated(Group group, String name) {
        return json("""
            {"type": "chat_created", "chat_id": %d, "uuid": "%s", "name": "%s", "chat_type": "group", "room_name": "group_%d"}\
            """.formatted(group.id(), group.uuid(), name, group.id()));
    }

    @Test
    void acceptingAnInviteTellsTheMembersAndGivesTheNewcomerTheChat() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser newcomer = server.register("newcomer");
        TestUser outsider = server.register("outsider");
        Group group = group(owner, "Reading circle", member);
        JsonNode invite = invite(member, group.id());
        try (SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient memberChat = openChat(server, member, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient memberMain = openMain(server, member);
                SocketClient newcomerMain = openMain(server, newcomer);
                SocketClient outsiderMain = openMain(server, outsider)) {

            ApiClient.Response accepted = accept(newcomer, invite);
            assertEquals(200, accepted.status(), accepted.toString());

            JsonNode added = membersAdded(group.id(), newcomer);
            assertEquals(added, ownerChat.next());
            assertEquals(added, memberChat.next());
            assertEquals(added, ownerMain.next());
            assertEquals(added, memberMain.next());
            assertEquals(chatCreated(group, "Reading circle"), newcomerMain.next());
            assertSilent(ownerChat, memberChat, ownerMain, memberMain, newcomerMain, outsiderMain);

            // The newcomer now has the chat: its socket opens and hears the group's messages.
            try (SocketClient newcomerChat = openChat(server, newcomer, group.id())) {
                ApiClient.Response sent =
                        owner.api().post("/api/v1/chats/" + group.id() + "/messages/", Map.of("text", "welcome"));
                assertEquals(201, sent.status(), sent.toString());
                assertEquals(sent.json(), newcomerChat.next());
                ObjectNode last = sent.json().deepCopy();
                last.put("type", "last_message").put("unread_count", 1);
                assertEquals(json(last.toString()), newcomerMain.next());
            }
        }
    }

    @Test
    void acceptingAgainAnnouncesNothing() {
        TestUser owner = server.register("owner");
        TestUser newcomer = server.register("newcomer");
        Group group = group(owner, "Quiet repeat");
        JsonNode invite = invite(owner, group.id());
        assertEquals(200, accept(newcomer, invite).status());
        try (SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient newcomerMain = openMain(server, newcomer)) {

            ApiClient.Response again = accept(newcomer, invite);
            ApiClient.Response byOwner = owner.api()
                    .post(
                            "/api/v1/invites/accept",
                            Map.of("link", invite.get("link").asText()));

            assertEquals(false, again.json().get("joined").asBoolean(), again.toString());
            assertEquals(false, byOwner.json().get("joined").asBoolean(), byOwner.toString());
            assertSilent(ownerChat, ownerMain, newcomerMain);
        }
    }

    @Test
    void aRefusedAcceptAnnouncesNothing() {
        TestUser owner = server.register("owner");
        TestUser first = server.register("first");
        TestUser late = server.register("late");
        TestUser refused = server.register("refused");
        Group group = group(owner, "Closed doors");
        JsonNode usedUp = invite(owner, group.id(), Map.of("max_uses", 1));
        JsonNode revoked = invite(owner, group.id());
        assertEquals(200, accept(first, usedUp).status());
        assertEquals(
                200,
                owner.api()
                        .delete("/api/v1/invites/" + revoked.get("id").asLong())
                        .status());
        try (SocketClient ownerChat = openChat(server, owner, group.id());
                SocketClient ownerMain = openMain(server, owner);
                SocketClient firstMain = openMain(server, first);
                SocketClient lateMain = openMain(server, late);
                SocketClient refusedMain = openMain(server, refused)) {

            assertError(accept(late, usedUp), 410, "invite_used_up", null);
            assertError(accept(refused, revoked), 410, "invite_revoked", null);

            assertSilent(ownerChat, ownerMain, firstMain, lateMain, refusedMain);
        }
    }
}
