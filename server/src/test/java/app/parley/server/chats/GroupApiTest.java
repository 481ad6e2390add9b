package app.parley.server.chats;

import static app.parley.server.chats.ChatApi.group;
import static app.parley.server.chats.ChatApi.memberIds;
import static app.parley.server.chats.ChatApi.privateChat;
import static app.parley.server.chats.ChatApi.refs;
import static app.parley.server.chats.ChatApi.roomIds;
import static app.parley.server.chats.ChatApi.send;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static app.parley.server.support.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.messages.MessageRepository;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    // --- POST /api/v1/group ------------------------------------------------------------------------

    @Test
    void creatingAGroupWithAPhotoMakesTheCallerOwnerAndTheListedUsersMembers() {
        TestUser owner = server.register("owner");
        TestUser bea = server.register("bea");
        TestUser cal = server.register("cal");
        byte[] png = TestImages.png(11);
        String json = """
            {"name": "  Book club  ", "description": "Monthly reads",
             "users": [{"id": %d, "name": "Bea"}, {"id": "%s"}, {"id": %d, "name": "me"}, {"id": %d}]}\
            """.formatted(bea.id(), cal.uuid(), owner.id(), bea.id());

        var created = owner.api()
                .multipart(
                        "/api/v1/group",
                        List.of(Part.field("json", json), Part.file("photo", "cover.png", "image/png", png)));

        long groupId = created.json().path("group").path("id").asLong();
        String uuid = created.json().path("group").path("uuid").asText();
        assertJson(200, """
            {"status": "ok", "group": {"id": %d, "uuid": "%s", "name": "Book club"}}\
            """.formatted(groupId, uuid), created);
        var info = bea.api().get("/api/v1/group/" + groupId + "/info");
        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "type": "group", "name": "Book club", "description": "Monthly reads",
                 "room_name": "group_%d", "owner_id": %d, "photo_url": "/api/v1/group/%d/photo",
                 "users": [%s, %s, %s], "created_at": "%s"}\
                """.formatted(
                                groupId,
                                uuid,
                                groupId,
                                owner.id(),
                                groupId,
                                ref(owner),
                                ref(bea),
                                ref(cal),
                                info.json().path("created_at").asText()),
                info);
        var photo = cal.api().get("/api/v1/group/" + groupId + "/photo");
        assertEquals(200, photo.status(), photo.toString());
        assertEquals("image/png", photo.headers().firstValue("content-type").orElseThrow());
        TestImages.assertSamePixels(png, photo.bytes());
        assertEquals(List.of(groupId), roomIds(owner));
        assertEquals(List.of(groupId), roomIds(bea));
        assertEquals(List.of(groupId), roomIds(cal));
    }

    @Test
    void aGroupCanBeCreatedFromPlainJsonWithTheOwnerAsItsOnlyMember() {
        TestUser owner = server.register("solo");

        var created = owner.api().post("/api/v1/group", Map.of("name", "Just me"));

        long groupId = created.json().path("group").path("id").asLong();
        assertJson(
                200,
                """
                {"status": "ok", "group": {"id": %d, "uuid": "%s", "name": "Just me"}}\
                """.formatted(groupId, created.json().path("group").path("uuid").asText()),
                created);
        assertJson(200, "{\"users\": [" + ref(owner) + "]}", owner.api().get("/api/v1/group/" + groupId + "/users"));
        JsonNode info = owner.api().get("/api/v1/group/" + groupId + "/info").json();
        assertEquals("", info.get("description").asText());
        assertTrue(info.get("photo_url").isNull());
        assertError(owner.api().get("/api/v1/group/" + groupId + "/photo"), 404, "photo_not_found", null);
    }

    @Test
    void badGroupJsonIsRefusedWithTheFieldNamedAndNoGroupIsCreated() {
        TestUser owner = server.register("picky");
        TestUser friend = server.register("friend");
        Map<String, Object> nullUser = new HashMap<>();
        nullUser.put("id", null);
        List<Object> nullEntry = new ArrayList<>();
        nullEntry.add(null);
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put(Map.of(), "name");
        cases.put(Map.of("name", "   "), "name");
        cases.put(Map.of("name", "n".repeat(101)), "name");
        cases.put(Map.of("name", "ok", "description", "d".repeat(1001)), "description");
        cases.put(Map.of("name", "ok", "users", List.of(Map.of("id", friend.id()), Map.of("id", 999999))), "users");
        cases.put(
                Map.of(
                        "name",
                        "ok",
                        "users",
                        List.of(
                                Map.of("id", friend.id()),
                                Map.of("id", UUID.randomUUID().toString()))),
                "users");
        cases.put(Map.of("name", "ok", "users", List.of(Map.of("id", "abc"))), "users.id");
        cases.put(Map.of("name", "ok", "users", List.of(Map.of("id", 0))), "users.id");
        cases.put(Map.of("name", "ok", "users", List.of(nullUser)), "users.id");
        cases.put(Map.of("name", "ok", "users", nullEntry), "users");

        for (var entry : cases.entrySet()) {
            assertError(owner.api().post("/api/v1/group", entry.getKey()), 400, "invalid_input", entry.getValue());
            String json = write(entry.getKey());
            assertError(
                    owner.api().multipart("/api/v1/group", List.of(Part.field("json", json))),
                    400,
                    "invalid_input",
                    entry.getValue());
        }

        assertEquals(List.of(), roomIds(owner));
        assertEquals(List.of(), roomIds(friend));
    }

    @Test
    void groupNamesAndDescriptionsWithControlOrBidiOverrideCharactersAreRefusedAndNoGroupIsCreated() {
        TestUser owner = server.register("hidden");

        for (Map<String, String> body :
                List.of(Map.of("name", "Club\u202Ebulc"), Map.of("name", "Bell\u0007"), Map.of("name", "Two\nLines"))) {
            assertError(owner.api().post("/api/v1/group", body), 400, "invalid_input", "name");
            assertError(
                    owner.api()
                            .multipart(
                                    "/api/v1/group",
                                    List.of(Part.field(
                                            "json", JSON.valueToTree(body).toString()))),
                    400,
                    "invalid_input",
                    "name");
        }
        assertError(
                owner.api().post("/api/v1/group", Map.of("name", "Club", "description", "x\u2067y")),
                400,
                "invalid_input",
                "description");

        assertEquals(List.of(), roomIds(owner));
        var created = owner.api().post("/api/v1/group", Map.of("name", "Club", "description", "rules:\n\t1. read"));
        assertEquals(200, created.status(), created.toString());
        var info = owner.api()
                .get("/api/v1/group/" + created.json().path("group").path("id").asLong() + "/info");
        assertEquals("rules:\n\t1. read", info.json().get("description").asText());
    }

    @Test
    void aBrokenGroupRequestIsABadRequestAndNoGroupIsCreated() {
        TestUser owner = server.register("broken");
        byte[] png = TestImages.png(12);

        assertError(
                owner.api().multipart("/api/v1/group", List.of(Part.file("photo", "p.png", "image/png", png))),
                400,
                "invalid_input",
                "json");
        for (String raw : List.of("{\"name\": ", "\"just a string\"", "null", "{\"name\": \"x\", \"users\": 5}")) {
            assertError(
                    owner.api().multipart("/api/v1/group", List.of(Part.field("json", raw))),
                    400,
                    "invalid_input",
                    "json");
        }
        assertError(owner.api().postRaw("/api/v1/group", "application/json", "{\"name\": "), 400, "bad_request", null);
        assertError(
                owner.api().postRaw("/api/v1/group", "application/json", "{\"name\": \"x\", \"users\": [5]}"),
                400,
                "bad_request",
                "users[0]");
        assertError(
                owner.api().postRaw("/api/v1/group", "application/json", "{\"name\": 5}"), 400, "bad_request", "name");
        assertError(owner.api().postRaw("/api/v1/group", "text/plain", "name"), 415, "unsupported_media_type", null);

        assertEquals(List.of(), roomIds(owner));
    }

    @Test
    void aGroupPhotoThatIsNotAnImageIsRefusedAndNoGroupIsCreated() {
        TestUser owner = server.register("fakephoto");
        TestUser friend = server.register("friend");

        var refused = owner.api()
                .multipart(
                        "/api/v1/group",
                        List.of(
                                Part.field("json", "{\"name\": \"Pics\", \"users\": [{\"id\": " + friend.id() + "}]}"),
                                Part.file(
                                        "photo",
                                        "cover.png",
                                        "image/png",
                                        "just some text, not a picture".getBytes(StandardCharsets.UTF_8))));

        assertError(refused, 400, "invalid_input", "photo");
        assertEquals(List.of(), roomIds(owner));
        assertEquals(List.of(), roomIds(friend));
    }

    @Test
    void creatingAGroupNeedsAToken() {
        TestUser friend = server.register("invitee");

        assertError(
                server.anonymous().post("/api/v1/group", Map.of("name", "x", "users", refs(friend))),
                401,
                "unauthorized",
                null);
        assertError(
                server.anonymous().multipart("/api/v1/group", List.of(Part.field("json", "{\"name\": \"x\"}"))),
                401,
                "unauthorized",
                null);

        assertEquals(List.of(), roomIds(friend));
    }

    // --- GET /api/v1/group/{id}/info and /users --------------------------------------------------------

    @Test
    void everyMemberSeesTheMembersInJoiningOrderByIdOrUuid() {
        TestUser owner = server.register("host");
        TestUser dan = server.register("dan");
        TestUser eve = server.register("eve");
        long groupId = group(owner, "Team", dan, eve);
        String uuid = owner.api()
                .get("/api/v1/group/" + groupId + "/info")
                .json()
                .get("uuid")
                .asText();
        String expected = "{\"users\": [" + ref(owner) + ", " + ref(dan) + ", " + ref(eve) + "]}";

        assertJson(200, expected, owner.api().get("/api/v1/group/" + groupId + "/users"));
        assertJson(200, expected, eve.api().get("/api/v1/group/" + groupId + "/users"));
        assertJson(200, expected, dan.api().get("/api/v1/group/" + uuid + "/users"));
        var info = dan.api().get("/api/v1/group/" + uuid + "/info");
        assertEquals(groupId, info.json().get("id").asLong());
        assertEquals(json(expected).get("users"), info.json().get("users"));
    }

    @Test
    void someoneOutsideTheGroupIsForbiddenItsInfoMembersAndPhoto() {
        TestUser owner = server.register("closed");
        TestUser member = server.register("insider");
        TestUser outsider = server.register("outsider");
        long groupId = group(owner, "Private club", member);

        assertError(outsider.api().get("/api/v1/group/" + groupId + "/info"), 403, "not_a_member", null);
        assertError(outsider.api().get("/api/v1/group/" + groupId + "/users"), 403, "not_a_member", null);
        assertError(outsider.api().get("/api/v1/group/" + groupId + "/photo"), 403, "not_a_member", null);
        assertError(outsider.api().get("/api/v1/chat/" + groupId + "/info"), 403, "not_a_member", null);
    }

    @Test
    void anUnknownGroupOrAPrivateChatIsNotFoundAndABadIdIsABadRequest() {
        TestUser user = server.register("lost");
        TestUser other = server.register("other");
        long privateChatId = privateChat(user, other);

        for (String suffix : List.of("/info", "/users")) {
            assertError(user.api().get("/api/v1/group/999999" + suffix), 404, "group_not_found", null);
            assertError(user.api().get("/api/v1/group/" + UUID.randomUUID() + suffix), 404, "group_not_found", null);
            assertError(user.api().get("/api/v1/group/" + privateChatId + suffix), 404, "group_not_found", null);
            assertError(user.api().get("/api/v1/group/abc" + suffix), 400, "invalid_input", "id");
        }
    }

    @Test
    void groupInfoAndMembersNeedAToken() {
        TestUser owner = server.register("shy");
        long groupId = group(owner, "Shy");

        assertError(server.anonymous().get("/api/v1/group/" + groupId + "/info"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/group/" + groupId + "/users"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/group/" + groupId + "/photo"), 401, "unauthorized", null);
    }

    // --- DELETE /api/v1/group/{id} ---------------------------------------------------------------------

    @Test
    void theOwnerDeletesTheGroupAndItsMessagesGoWithIt() {
        TestUser owner = server.register("closer");
        TestUser member = server.register("leaver");
        long groupId = group(owner, "Short-lived", member);
        long messageId = send(member, groupId, "bye").get("id").asLong();

        var deleted = owner.api().delete("/api/v1/group/" + groupId);

        assertJson(200, "{\"status\": \"ok\"}", deleted);
        assertError(owner.api().get("/api/v1/group/" + groupId + "/info"), 404, "group_not_found", null);
        assertError(member.api().get("/api/v1/group/" + groupId + "/users"), 404, "group_not_found", null);
        assertEquals(List.of(), roomIds(owner));
        assertEquals(List.of(), roomIds(member));
        assertTrue(server.bean(MessageRepository.class).findById(messageId).isEmpty());
        assertEquals(0, server.bean(ChatMemberRepository.class).countByChatId(groupId));
    }

    @Test
    void onlyTheOwnerMayDeleteTheGroupAndOtherwiseItStaysWhole() {
        TestUser owner = server.register("founder");
        TestUser member = server.register("follower");
        TestUser outsider = server.register("vandal");
        long groupId = group(owner, "Lasting", member);
        long messageId = send(owner, groupId, "welcome").get("id").asLong();

        assertError(member.api().delete("/api/v1/group/" + groupId), 403, "not_the_owner", null);
        assertError(outsider.api().delete("/api/v1/group/" + groupId), 403, "not_a_member", null);

        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, groupId));
        assertEquals(List.of(groupId), roomIds(member));
        var history = member.api().get("/api/v1/chats/" + groupId + "/messages/");
        assertEquals(messageId, history.json().get("results").get(0).get("id").asLong());
    }

    @Test
    void theGroupEndpointDoesNotDeleteAPrivateChat() {
        TestUser mia = server.register("mia");
        TestUser ned = server.register("ned");
        long privateChatId = privateChat(mia, ned);

        assertError(mia.api().delete("/api/v1/group/" + privateChatId), 404, "group_not_found", null);

        assertEquals(List.of(privateChatId), roomIds(mia));
        assertEquals(List.of(privateChatId), roomIds(ned));
    }

    @Test
    void deletingAnUnknownGroupIsNotFoundABadIdIsABadRequestAndNoTokenIsUnauthorized() {
        TestUser owner = server.register("tidy");
        long groupId = group(owner, "Tidy");

        assertError(owner.api().delete("/api/v1/group/999999"), 404, "group_not_found", null);
        assertError(owner.api().delete("/api/v1/group/abc"), 400, "invalid_input", "id");
        assertError(server.anonymous().delete("/api/v1/group/" + groupId), 401, "unauthorized", null);

        assertEquals(List.of(groupId), roomIds(owner));
    }

    // --- DELETE /api/v1/chats/{id}/ on a group (seed 001) -------------------------------------------------

    @Test
    void seed001DeletesAGroupOnlyForItsOwnerInBothPathFormsAndByRoomName() {
        TestUser owner = server.register("admin");
        TestUser member = server.register("user");
        long first = group(owner, "One", member);
        long second = group(owner, "Two", member);
        long third = group(owner, "Three", member);

        assertError(member.api().delete("/api/v1/chats/" + first + "/"), 403, "not_the_owner", null);
        assertError(member.api().delete("/api/v1/chats/" + first), 403, "not_the_owner", null);
        assertError(member.api().delete("/api/v1/chats/group_" + first + "/"), 403, "not_the_owner", null);
        assertEquals(List.of(third, second, first), roomIds(member));

        assertJson(200, "{\"status\": \"ok\"}", owner.api().delete("/api/v1/chats/" + first + "/"));
        assertJson(200, "{\"status\": \"ok\"}", owner.api().delete("/api/v1/chats/" + second));
        assertJson(200, "{\"status\": \"ok\"}", owner.api().delete("/api/v1/chats/group_" + third + "/"));
        assertEquals(List.of(), roomIds(member));
        assertEquals(List.of(), roomIds(owner));
    }

    private static String ref(TestUser user) {
        return "{\"id\": %d, \"name\": \"%s\", \"username\": \"%s\"}"
                .formatted(user.id(), user.username(), user.username());
    }

    /** JSON text for the multipart {@code json} field. */
    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
