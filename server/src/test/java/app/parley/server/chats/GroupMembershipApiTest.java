package app.parley.server.chats;

import static app.parley.server.chats.ChatApi.group;
import static app.parley.server.chats.ChatApi.memberIds;
import static app.parley.server.chats.ChatApi.privateChat;
import static app.parley.server.chats.ChatApi.refs;
import static app.parley.server.chats.ChatApi.roomIds;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seed 002's group membership: the owner adds and removes members, all or nothing. */
class GroupMembershipApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    // --- POST /api/v1/group/{id}/add --------------------------------------------------------------------

    @Test
    void theOwnerAddsUsersByIdOrUuidWhoThenSeeTheGroup() {
        TestUser owner = server.register("adder");
        TestUser first = server.register("first");
        TestUser fay = server.register("fay");
        TestUser gus = server.register("gus");
        long groupId = group(owner, "Growing", first);

        var added = owner.api()
                .post(
                        "/api/v1/group/" + groupId + "/add",
                        Map.of("users", List.of(Map.of("id", fay.id(), "name", "Fay"), Map.of("id", gus.uuid()))));

        assertJson(200, "{\"status\": \"ok\"}", added);
        assertEquals(List.of(owner.id(), first.id(), fay.id(), gus.id()), memberIds(owner, groupId));
        assertEquals(List.of(groupId), roomIds(fay));
        assertEquals(200, gus.api().get("/api/v1/group/" + groupId + "/info").status());
    }

    @Test
    void addingSomeoneWhoIsAlreadyAMemberIsAConflictAndNobodyFromTheBatchIsAdded() {
        TestUser owner = server.register("strict");
        TestUser member = server.register("member");
        TestUser newcomer = server.register("newcomer");
        long groupId = group(owner, "All or nothing", member);

        var withMember = owner.api().post("/api/v1/group/" + groupId + "/add", Map.of("users", refs(newcomer, member)));
        var withOwner = owner.api().post("/api/v1/group/" + groupId + "/add", Map.of("users", refs(newcomer, owner)));

        assertError(withMember, 409, "already_a_member", null);
        assertError(withOwner, 409, "already_a_member", null);
        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
        assertEquals(List.of(), roomIds(newcomer));
    }

    @Test
    void onlyTheOwnerMayAddMembers() {
        TestUser owner = server.register("boss");
        TestUser member = server.register("worker");
        TestUser outsider = server.register("gatecrasher");
        TestUser newcomer = server.register("hopeful");
        long groupId = group(owner, "Owned", member);

        assertError(
                member.api().post("/api/v1/group/" + groupId + "/add", Map.of("users", refs(newcomer))),
                403,
                "not_the_owner",
                null);
        assertError(
                outsider.api().post("/api/v1/group/" + groupId + "/add", Map.of("users", refs(outsider))),
                403,
                "not_the_owner",
                null);

        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
        assertEquals(List.of(), roomIds(newcomer));
        assertEquals(List.of(), roomIds(outsider));
    }

    @Test
    void badAddRequestsAreRefusedAndNobodyIsAdded() {
        TestUser owner = server.register("careful");
        TestUser newcomer = server.register("almost");
        TestUser other = server.register("pm");
        long groupId = group(owner, "Careful");
        long privateChatId = privateChat(owner, other);
        String add = "/api/v1/group/" + groupId + "/add";

        assertError(owner.api().post(add, Map.of("users", List.of())), 400, "invalid_input", "users");
        assertError(owner.api().post(add, Map.of()), 400, "invalid_input", "users");
        assertError(owner.api().postEmpty(add), 400, "invalid_input", "users");
        assertError(
                owner.api().post(add, Map.of("users", List.of(Map.of("id", newcomer.id()), Map.of("id", 999999)))),
                400,
                "invalid_input",
                "users");
        assertError(
                owner.api().post(add, Map.of("users", List.of(Map.of("id", "abc")))), 400, "invalid_input", "users.id");
        assertError(owner.api().postRaw(add, "application/json", "{\"users\": ["), 400, "bad_request", null);
        assertError(owner.api().postRaw(add, "application/json", "{\"users\": [5]}"), 400, "bad_request", "users[0]");
        assertError(
                owner.api().post("/api/v1/group/" + privateChatId + "/add", Map.of("users", refs(newcomer))),
                404,
                "group_not_found",
                null);
        assertError(
                owner.api().post("/api/v1/group/999999/add", Map.of("users", refs(newcomer))),
                404,
                "group_not_found",
                null);
        assertError(
                owner.api().post("/api/v1/group/abc/add", Map.of("users", refs(newcomer))), 400, "invalid_input", "id");

        assertEquals(List.of(owner.id()), memberIds(owner, groupId));
        assertEquals(List.of(), roomIds(newcomer));
        assertEquals(2, server.bean(ChatMemberRepository.class).countByChatId(privateChatId));
    }

    @Test
    void addingMembersNeedsAToken() {
        TestUser owner = server.register("locked");
        TestUser newcomer = server.register("waiting");
        long groupId = group(owner, "Locked");

        assertError(
                server.anonymous().post("/api/v1/group/" + groupId + "/add", Map.of("users", refs(newcomer))),
                401,
                "unauthorized",
                null);

        assertEquals(List.of(owner.id()), memberIds(owner, groupId));
    }

    // --- DELETE /api/v1/group/{id}/delete ----------------------------------------------------------------

    @Test
    void theOwnerRemovesMembersWhoThenLoseAccess() {
        TestUser owner = server.register("pruner");
        TestUser hal = server.register("hal");
        TestUser ida = server.register("ida");
        TestUser jon = server.register("jon");
        long groupId = group(owner, "Shrinking", hal, ida, jon);

        var removed = owner.api()
                .delete(
                        "/api/v1/group/" + groupId + "/delete",
                        Map.of("users", List.of(Map.of("id", hal.id(), "name", "Hal"), Map.of("id", jon.uuid()))));

        assertJson(200, "{\"status\": \"ok\"}", removed);
        assertEquals(List.of(owner.id(), ida.id()), memberIds(owner, groupId));
        assertEquals(List.of(), roomIds(hal));
        assertError(hal.api().get("/api/v1/group/" + groupId + "/info"), 403, "not_a_member", null);
        assertError(
                jon.api().post("/api/v1/chats/" + groupId + "/messages/", Map.of("text", "still here?")),
                403,
                "not_a_member",
                null);
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsAConflictAndNobodyFromTheBatchIsRemoved() {
        TestUser owner = server.register("keeper");
        TestUser member = server.register("kept");
        TestUser stranger = server.register("stranger");
        long groupId = group(owner, "Keep", member);

        var refused =
                owner.api().delete("/api/v1/group/" + groupId + "/delete", Map.of("users", refs(member, stranger)));

        assertError(refused, 409, "user_not_a_member", null);
        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
    }

    @Test
    void onlyTheOwnerMayRemoveMembers() {
        TestUser owner = server.register("chief");
        TestUser kim = server.register("kim");
        TestUser lou = server.register("lou");
        TestUser outsider = server.register("meddler");
        long groupId = group(owner, "Chief's", kim, lou);
        String remove = "/api/v1/group/" + groupId + "/delete";

        assertError(kim.api().delete(remove, Map.of("users", refs(lou))), 403, "not_the_owner", null);
        assertError(kim.api().delete(remove, Map.of("users", refs(kim))), 403, "not_the_owner", null);
        assertError(kim.api().delete(remove, Map.of("users", refs(owner))), 403, "not_the_owner", null);
        assertError(outsider.api().delete(remove, Map.of("users", refs(kim))), 403, "not_the_owner", null);

        assertEquals(List.of(owner.id(), kim.id(), lou.id()), memberIds(owner, groupId));
    }

    @Test
    void badRemoveRequestsAreRefusedAndNobodyIsRemoved() {
        TestUser owner = server.register("steady");
        TestUser member = server.register("stays");
        TestUser other = server.register("pm");
        long groupId = group(owner, "Steady", member);
        long privateChatId = privateChat(owner, other);
        String remove = "/api/v1/group/" + groupId + "/delete";

        assertError(owner.api().delete(remove, Map.of("users", refs(owner))), 400, "invalid_input", "users");
        assertError(owner.api().delete(remove, Map.of("users", refs(member, owner))), 400, "invalid_input", "users");
        assertError(owner.api().delete(remove, Map.of("users", List.of())), 400, "invalid_input", "users");
        assertError(owner.api().delete(remove, Map.of()), 400, "invalid_input", "users");
        assertError(owner.api().delete(remove), 400, "invalid_input", "users");
        assertError(
                owner.api().delete(remove, Map.of("users", List.of(Map.of("id", member.id()), Map.of("id", 999999)))),
                400,
                "invalid_input",
                "users");
        assertError(owner.api().delete(remove, "{\"users\": ["), 400, "bad_request", null);
        assertError(
                owner.api().delete("/api/v1/group/" + privateChatId + "/delete", Map.of("users", refs(other))),
                404,
                "group_not_found",
                null);
        assertError(
                owner.api().delete("/api/v1/group/abc/delete", Map.of("users", refs(member))),
                400,
                "invalid_input",
                "id");

        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
        assertEquals(2, server.bean(ChatMemberRepository.class).countByChatId(privateChatId));
    }

    @Test
    void removingMembersNeedsAToken() {
        TestUser owner = server.register("guard");
        TestUser member = server.register("guarded");
        long groupId = group(owner, "Guarded", member);

        assertError(
                server.anonymous().delete("/api/v1/group/" + groupId + "/delete", Map.of("users", refs(member))),
                401,
                "unauthorized",
                null);

        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
    }
}
