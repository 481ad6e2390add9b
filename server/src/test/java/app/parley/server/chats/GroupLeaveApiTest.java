package app.parley.server.chats;

import static app.parley.server.chats.ChatApi.group;
import static app.parley.server.chats.ChatApi.memberIds;
import static app.parley.server.chats.ChatApi.privateChat;
import static app.parley.server.chats.ChatApi.roomIds;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A member leaves a group; the owner hands it over first, or leaves alone and the group goes with them. */
class GroupLeaveApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    // --- POST /api/v1/group/{id}/leave --------------------------------------------------------------

    @Test
    void aMemberLeavesAndLosesTheGroupWhileTheOthersKeepIt() {
        TestUser owner = server.register("stayer");
        TestUser leaver = server.register("leaver");
        TestUser other = server.register("other");
        long groupId = group(owner, "Left behind", leaver, other);

        assertJson(200, "{\"status\": \"ok\"}", leaver.api().postEmpty("/api/v1/group/" + groupId + "/leave"));

        assertEquals(List.of(owner.id(), other.id()), memberIds(owner, groupId));
        assertEquals(List.of(), roomIds(leaver));
        assertError(leaver.api().get("/api/v1/group/" + groupId + "/info"), 403, "not_a_member", null);
        assertError(leaver.api().postEmpty("/api/v1/group/" + groupId + "/leave"), 403, "not_a_member", null);
    }

    @Test
    void theOwnerCannotLeaveWhileOthersRemain() {
        TestUser owner = server.register("captain");
        TestUser crew = server.register("crew");
        long groupId = group(owner, "Ship", crew);

        ApiClient.Response refused = owner.api().postEmpty("/api/v1/group/" + groupId + "/leave");

        assertError(refused, 409, "owner_cannot_leave", null);
        String message = refused.json().get("message").asText();
        assertTrue(message.contains("owner") && message.contains("delete"), message);
        assertEquals(List.of(owner.id(), crew.id()), memberIds(owner, groupId));
    }

    @Test
    void theOwnerLeavingAloneDeletesTheGroup() {
        TestUser owner = server.register("loner");
        long groupId = group(owner, "Solo");

        assertEquals(
                200,
                owner.api().postEmpty("/api/v1/group/" + groupId + "/leave").status());

        assertEquals(List.of(), roomIds(owner));
        assertError(owner.api().get("/api/v1/group/" + groupId + "/info"), 404, "group_not_found", null);
    }

    @Test
    void leavingNeedsAGroupOneBelongsTo() {
        TestUser owner = server.register("host");
        TestUser member = server.register("guest");
        TestUser outsider = server.register("passerby");
        long groupId = group(owner, "Members only", member);
        long privateChatId = privateChat(owner, member);

        assertError(outsider.api().postEmpty("/api/v1/group/" + groupId + "/leave"), 403, "not_a_member", null);
        assertError(member.api().postEmpty("/api/v1/group/" + privateChatId + "/leave"), 404, "group_not_found", null);
        assertError(member.api().postEmpty("/api/v1/group/999999/leave"), 404, "group_not_found", null);
        assertError(server.anonymous().postEmpty("/api/v1/group/" + groupId + "/leave"), 401, "unauthorized", null);

        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
        assertEquals(2, server.bean(ChatMemberRepository.class).countByChatId(privateChatId));
    }

    @Test
    void theNewPathsAnswerWithATrailingSlashToo() {
        TestUser owner = server.register("slasher");
        TestUser heir = server.register("slashheir");
        long groupId = group(owner, "Slashes", heir);

        assertEquals(
                200,
                owner.api()
                        .patch("/api/v1/group/" + groupId + "/", Map.of("name", "Renamed"))
                        .status());
        assertEquals(
                200,
                owner.api()
                        .post("/api/v1/group/" + groupId + "/owner/", Map.of("user_id", heir.id()))
                        .status());
        assertEquals(
                200,
                owner.api().postEmpty("/api/v1/group/" + groupId + "/leave/").status());
        assertEquals(List.of(heir.id()), memberIds(heir, groupId));
    }

    // --- POST /api/v1/group/{id}/owner --------------------------------------------------------------

    @Test
    void theOwnerHandsTheGroupOverAndThenMayLeave() {
        TestUser owner = server.register("founder");
        TestUser heir = server.register("heir");
        TestUser other = server.register("bystander");
        long groupId = group(owner, "Inherited", heir, other);

        ApiClient.Response handed =
                owner.api().post("/api/v1/group/" + groupId + "/owner", Map.of("user_id", heir.uuid()));

        assertEquals(200, handed.status(), handed.toString());
        assertEquals(heir.id(), handed.json().get("owner_id").asLong());
        // The new owner manages the group; the former one is a member like the others.
        assertError(
                owner.api().patch("/api/v1/group/" + groupId, Map.of("name", "Mine again")),
                403,
                "not_the_owner",
                null);
        assertEquals(
                200,
                heir.api()
                        .patch("/api/v1/group/" + groupId, Map.of("name", "Ours"))
                        .status());
        assertEquals(
                200,
                owner.api().postEmpty("/api/v1/group/" + groupId + "/leave").status());
        assertEquals(List.of(heir.id(), other.id()), memberIds(heir, groupId));
        assertEquals(
                ChatMember.OWNER,
                server.bean(ChatMemberRepository.class)
                        .findByChatIdAndUserId(groupId, heir.id())
                        .orElseThrow()
                        .role());
    }

    @Test
    void onlyTheOwnerHandsOverAndOnlyToAMember() {
        TestUser owner = server.register("holder");
        TestUser member = server.register("climber");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, "Held", member);
        String path = "/api/v1/group/" + groupId + "/owner";

        assertError(member.api().post(path, Map.of("user_id", member.id())), 403, "not_the_owner", null);
        assertError(outsider.api().post(path, Map.of("user_id", outsider.id())), 403, "not_the_owner", null);
        assertError(owner.api().post(path, Map.of("user_id", outsider.id())), 409, "user_not_a_member", null);
        assertError(owner.api().post(path, Map.of("user_id", owner.id())), 400, "invalid_input", "user_id");
        assertError(owner.api().post(path, Map.of("user_id", "abc")), 400, "invalid_input", "user_id");
        assertError(owner.api().post(path, Map.of()), 400, "invalid_input", "user_id");
        assertError(owner.api().post(path, Map.of("user_id", 999999)), 404, "user_not_found", null);

        ApiClient.Response info = owner.api().get("/api/v1/group/" + groupId + "/info");
        assertEquals(owner.id(), info.json().get("owner_id").asLong());
    }
}
