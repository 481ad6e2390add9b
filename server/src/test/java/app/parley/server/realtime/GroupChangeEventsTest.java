package app.parley.server.realtime;

import static app.parley.server.realtime.WsFrames.chatDeleted;
import static app.parley.server.realtime.WsFrames.membersChanged;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.messages.Conversations;
import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What sockets hear when a group changes its looks or owner, or a member leaves; outsiders hear nothing. */
class GroupChangeEventsTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static long createGroup(TestUser owner, String name, TestUser... members) {
        ApiClient.Response response = owner.api()
                .post(
                        "/api/v1/group",
                        Map.of(
                                "name",
                                name,
                                "users",
                                Arrays.stream(members)
                                        .map(u -> Map.of("id", u.id()))
                                        .toList()));
        assertEquals(200, response.status(), response.body());
        return response.json().get("group").get("id").asLong();
    }

    private static JsonNode chatUpdated(long chatId, String name, String description, String photoUrl, TestUser owner) {
        ObjectNode frame = Conversations.JSON
                .createObjectNode()
                .put("type", "chat_updated")
                .put("chat_id", chatId)
                .put("name", name)
                .put("description", description)
                .put("photo_url", photoUrl)
                .put("owner_id", owner.id());
        return Conversations.json(frame);
    }

    @Test
    void renamingTellsEveryMembersMainSocketAndTheGroupsSocketsOnly() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser outsider = server.register("outsider");
        long groupId = createGroup(owner, "Before", member);
        try (SocketClient ownerMain = openMain(server, owner);
                SocketClient memberMain = openMain(server, member);
                SocketClient outsiderMain = openMain(server, outsider);
                SocketClient memberChat = openChat(server, member, groupId)) {

            ApiClient.Response renamed =
                    owner.api().patch("/api/v1/group/" + groupId, Map.of("name", "After", "description", "new"));
            assertEquals(200, renamed.status(), renamed.body());

            JsonNode updated = chatUpdated(groupId, "After", "new", null, owner);
            assertEquals(updated, ownerMain.next());
            assertEquals(updated, memberMain.next());
            assertEquals(updated, memberChat.next());
            assertSilent(ownerMain, memberMain, outsiderMain, memberChat);

            // A refused change and a change to nothing new announce nothing.
            assertEquals(
                    403,
                    member.api()
                            .patch("/api/v1/group/" + groupId, Map.of("name", "X"))
                            .status());
            assertEquals(
                    200,
                    owner.api()
                            .patch("/api/v1/group/" + groupId, Map.of("name", "After"))
                            .status());
            assertSilent(ownerMain, memberMain, outsiderMain, memberChat);
        }
    }

    @Test
    void aNewPhotoAndItsRemovalAreAnnouncedWithThePhotoUrl() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        long groupId = createGroup(owner, "Faces", member);
        try (SocketClient memberMain = openMain(server, member)) {

            ApiClient.Response set = owner.api()
                    .multipart(
                            "PUT",
                            "/api/v1/group/" + groupId + "/photo",
                            List.of(Part.file("photo", "a.png", "image/png", TestImages.png(1))));
            assertEquals(200, set.status(), set.body());
            assertEquals(
                    chatUpdated(groupId, "Faces", "", "/api/v1/group/" + groupId + "/photo", owner), memberMain.next());

            assertEquals(
                    200,
                    owner.api().delete("/api/v1/group/" + groupId + "/photo").status());
            assertEquals(chatUpdated(groupId, "Faces", "", null, owner), memberMain.next());
            assertSilent(memberMain);
        }
    }

    @Test
    void handingOverTellsEveryoneWhoTheNewOwnerIs() {
        TestUser owner = server.register("owner");
        TestUser heir = server.register("heir");
        long groupId = createGroup(owner, "Estate", heir);
        try (SocketClient ownerMain = openMain(server, owner);
                SocketClient heirMain = openMain(server, heir)) {

            assertEquals(
                    200,
                    owner.api()
                            .post("/api/v1/group/" + groupId + "/owner", Map.of("user_id", heir.id()))
                            .status());

            JsonNode updated = chatUpdated(groupId, "Estate", "", null, heir);
            assertEquals(updated, ownerMain.next());
            assertEquals(updated, heirMain.next());
            assertSilent(ownerMain, heirMain);
        }
    }

    @Test
    void leavingTellsTheOthersAndTheLeaversMainAndClosesTheLeaversGroupSockets() {
        TestUser owner = server.register("owner");
        TestUser leaver = server.register("leaver");
        TestUser outsider = server.register("outsider");
        long groupId = createGroup(owner, "Goodbye", leaver);
        SocketClient leaverChat = openChat(server, leaver, groupId);
        try (leaverChat;
                SocketClient ownerChat = openChat(server, owner, groupId);
                SocketClient ownerMain = openMain(server, owner);
                SocketClient leaverMain = openMain(server, leaver);
                SocketClient outsiderMain = openMain(server, outsider)) {

            assertEquals(
                    200,
                    leaver.api()
                            .postEmpty("/api/v1/group/" + groupId + "/leave")
                            .status());

            JsonNode removed = membersChanged("members_removed", groupId, leaver);
            assertEquals(removed, leaverChat.next());
            assertEquals(4403, leaverChat.closeCode());
            assertEquals(removed, ownerChat.next());
            assertEquals(removed, ownerMain.next());
            assertEquals(removed, leaverMain.next());
            assertSilent(ownerChat, ownerMain, leaverMain, outsiderMain);
        }
    }

    @Test
    void theOwnerRefusedLeavingIsSilentAndLeavingAloneIsADeletion() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        long crowded = createGroup(owner, "Crowded", member);
        long alone = createGroup(owner, "Alone");
        SocketClient aloneChat = openChat(server, owner, alone);
        try (aloneChat;
                SocketClient ownerMain = openMain(server, owner);
                SocketClient memberMain = openMain(server, member)) {

            assertEquals(
                    409,
                    owner.api().postEmpty("/api/v1/group/" + crowded + "/leave").status());
            assertSilent(ownerMain, memberMain);

            assertEquals(
                    200,
                    owner.api().postEmpty("/api/v1/group/" + alone + "/leave").status());
            assertEquals(chatDeleted(alone), ownerMain.next());
            assertEquals(chatDeleted(alone), aloneChat.next());
            assertEquals(4410, aloneChat.closeCode());
            assertSilent(ownerMain, memberMain);
        }
    }
}
