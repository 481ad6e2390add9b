package app.parley.server.dialects;

import static app.parley.server.dialects.SeedWalk.assertUtcInstant;
import static app.parley.server.dialects.SeedWalk.history;
import static app.parley.server.dialects.SeedWalk.ids;
import static app.parley.server.dialects.SeedWalk.json;
import static app.parley.server.dialects.SeedWalk.lastMessage;
import static app.parley.server.dialects.SeedWalk.list;
import static app.parley.server.dialects.SeedWalk.message;
import static app.parley.server.dialects.SeedWalk.send;
import static app.parley.server.dialects.SeedWalk.typing;
import static app.parley.server.dialects.SeedWalk.userRef;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static app.parley.server.support.Sockets.openMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.event.CloseCodes;
import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.DeletedAccounts;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 002 ({@code seed-002-chat-api-http-ws.txt}) walked top to bottom: users, private chats,
 * groups, the chat list, then the WebSockets and their frames, as a client written against it
 * would use them, with the document's field names and the status codes it lists.
 */
class Seed002DocumentTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    /** Seed 002's {@code users} list entry: {@code {"id": 1, "name": "string"}}. */
    private static Map<String, Object> ref(TestUser user) {
        return Map.of("id", user.id(), "name", user.username());
    }

    private static long privateChat(TestUser caller, TestUser other) {
        ApiClient.Response opened = caller.api().postEmpty("/api/v1/chat/" + other.id());
        assertEquals(200, opened.status(), opened.toString());
        return opened.json().get("chat").get("id").asLong();
    }

    private static long group(TestUser owner, String name, TestUser... members) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (TestUser member : members) {
            users.add(ref(member));
        }
        ApiClient.Response created = owner.api()
                .multipart(
                        "/api/v1/group",
                        List.of(Part.field(
                                "json",
                                SeedWalk.JSON
                                        .createObjectNode()
                                        .put("name", name)
                                        .put("description", "about " + name)
                                        .set("users", SeedWalk.JSON.valueToTree(users))
                                        .toString())));
        assertEquals(200, created.status(), created.toString());
        return created.json().get("group").get("id").asLong();
    }

    private static List<Long> memberIds(TestUser viewer, long group) {
        ApiClient.Response users = viewer.api().get("/api/v1/group/" + group + "/users");
        assertEquals(200, users.status(), users.toString());
        return ids(users.json().get("users"));
    }

    private static List<Long> roomIds(TestUser user) {
        ApiClient.Response rooms = user.api().get("/api/v1/chats");
        assertEquals(200, rooms.status(), rooms.toString());
        return ids(rooms.json().get("rooms"));
    }

    private static JsonNode profile(TestUser user) {
        return user.api().get("/api/v1/user").json();
    }

    // === HTTP API: Пользователи =================================================================

    // --- POST /api/v1/user ---------------------------------------------------------------------

    @Test
    void postUserTakesTheJsonFormFieldAndAnOptionalPhotoAndAnswersStatusOk() {
        TestUser alice = server.register("alice");
        byte[] png = TestImages.png(21);

        ApiClient.Response saved = alice.api()
                .multipart(
                        "/api/v1/user",
                        List.of(
                                Part.field(
                                        "json",
                                        "{\"username\": \"%s_x\", \"name\": \"Алиса\", \"description\": \"о себе\"}"
                                                .formatted(alice.username())),
                                Part.file("photo", "me.png", "image/png", png)));

        assertJson(200, "{\"status\": \"ok\"}", saved);
        ApiClient.Response me = alice.api().get("/api/v1/user");
        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "username": "%s_x", "name": "Алиса", "description": "о себе",
                 "photo_url": "/api/v1/user/%d/photo", "bot": false, "created_at": "%s"}\
                """.formatted(
                                alice.id(),
                                alice.uuid(),
                                alice.username(),
                                alice.id(),
                                me.json().path("created_at").asText()),
                me);
        TestImages.assertSamePixels(
                png, alice.api().get("/api/v1/user/" + alice.id() + "/photo").bytes());

        assertJson(
                200,
                "{\"status\": \"ok\"}",
                alice.api().multipart("/api/v1/user", List.of(Part.field("json", "{\"description\": \"без фото\"}"))));
        assertEquals("без фото", profile(alice).get("description").asText());
        assertEquals("Алиса", profile(alice).get("name").asText());
    }

    @Test
    void theJsonFieldMayBeSentAsAJsonFileTheWayBrowsersAndHttpLibrariesAttachIt() {
        TestUser bob = server.register("bob");
        byte[] json = "{\"name\": \"Боб\", \"description\": \"из файла\"}".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response asBlob = bob.api()
                .multipart(
                        "/api/v1/user",
                        List.of(
                                Part.file("json", "blob", "application/json", json),
                                Part.file("photo", "p.png", "image/png", TestImages.png(3))));
        ApiClient.Response asTextFile = bob.api()
                .multipart(
                        "/api/v1/user",
                        List.of(Part.file(
                                "json",
                                "profile.json",
                                "text/plain",
                                "{\"name\": \"Bob\"}".getBytes(StandardCharsets.UTF_8))));

        assertJson(200, "{\"status\": \"ok\"}", asBlob);
        assertJson(200, "{\"status\": \"ok\"}", asTextFile);
        assertEquals("Bob", profile(bob).get("name").asText());
        assertEquals("из файла", profile(bob).get("description").asText());
        assertEquals(200, bob.api().get("/api/v1/user/" + bob.id() + "/photo").status());
    }

    @Test
    void postUserRefusesBadDataWith400AndChangesNothing() {
        TestUser carol = server.register("carol");
        JsonNode before = profile(carol);

        assertError(
                carol.api().multipart("/api/v1/user", List.of(Part.field("other", "{}"))),
                400,
                "invalid_input",
                "json");
        assertError(
                carol.api().multipart("/api/v1/user", List.of(Part.field("json", "{\"name\": "))),
                400,
                "invalid_input",
                "json");
        assertError(
                carol.api().multipart("/api/v1/user", List.of(Part.field("json", "{\"name\": \"  \"}"))),
                400,
                "invalid_input",
                "name");
        assertError(
                carol.api().multipart("/api/v1/user", List.of(Part.field("json", "{\"username\": \"a b\"}"))),
                400,
                "invalid_input",
                "username");
        assertError(
                carol.api()
                        .multipart(
                                "/api/v1/user",
                                List.of(
                                        Part.field("json", "{}"),
                                        Part.file(
                                                "photo",
                                                "p.png",
                                                "image/png",
                                                "not an image".getBytes(StandardCharsets.UTF_8)))),
                400,
                "invalid_input",
                "photo");
        assertError(carol.api().postEmpty("/api/v1/user"), 400, "invalid_input", "json");
        ApiClient.Response photoAsText = carol.api()
                .multipart(
                        "/api/v1/user",
                        List.of(Part.field("json", "{\"name\": \"Photo\"}"), Part.field("photo", "not a file")));
        assertEquals(400, photoAsText.status(), photoAsText.toString());
        assertEquals("error", photoAsText.json().path("status").asText(), photoAsText.toString());
        assertEquals(before, profile(carol));
    }

    /** Not in the seed's list: a taken username is Parley's 409, as at registration (docs/api.md). */
    @Test
    void postUserRefusesATakenUsernameWith409AndChangesNothing() {
        TestUser carol = server.register("carol");
        TestUser taken = server.register("taken");
        JsonNode before = profile(carol);

        assertError(
                carol.api()
                        .multipart(
                                "/api/v1/user",
                                List.of(Part.field("json", "{\"username\": \"" + taken.username() + "\"}"))),
                409,
                "username_taken",
                null);
        assertEquals(before, profile(carol));
    }

    @Test
    void postUserWithoutATokenIs401() {
        assertError(
                server.anonymous().multipart("/api/v1/user", List.of(Part.field("json", "{\"name\": \"x\"}"))),
                401,
                "unauthorized",
                null);
    }

    // --- GET /api/v1/user, GET /api/v1/user/{id} -----------------------------------------------

    @Test
    void getUserAnswersTheCallerWithIdNameUsernameAndDescription() {
        TestUser dave = server.register("dave");

        ApiClient.Response me = dave.api().get("/api/v1/user");

        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "username": "%s", "name": "%s", "description": "",
                 "photo_url": null, "bot": false, "created_at": "%s"}\
                """.formatted(
                                dave.id(),
                                dave.uuid(),
                                dave.username(),
                                dave.username(),
                                me.json().path("created_at").asText()),
                me);
        assertUtcInstant(me.json().get("created_at"));
        assertError(server.anonymous().get("/api/v1/user"), 401, "unauthorized", null);
    }

    @Test
    void getUserAnswers404WhenTheTokensUserNoLongerExists() {
        TestUser gone = server.register("gone");
        DeletedAccounts.delete(server, gone);

        assertError(gone.api().get("/api/v1/user"), 404, "user_not_found", null);
    }

    @Test
    void getUserByIdAnswersAnotherUserOr400ForABadIdOr404ForNobody() {
        TestUser erin = server.register("erin");
        TestUser frank = server.register("frank");

        assertJson(200, publicProfile(frank), erin.api().get("/api/v1/user/" + frank.id()));
        assertJson(200, publicProfile(frank), erin.api().get("/api/v1/user/" + frank.uuid()));
        assertError(erin.api().get("/api/v1/user/abc"), 400, "invalid_input", "id");
        assertError(erin.api().get("/api/v1/user/0"), 400, "invalid_input", "id");
        assertError(erin.api().get("/api/v1/user/999999"), 404, "user_not_found", null);
        assertError(server.anonymous().get("/api/v1/user/" + frank.id()), 401, "unauthorized", null);
    }

    /** A freshly registered user's profile as anyone sees it. */
    private static String publicProfile(TestUser user) {
        JsonNode own = profile(user);
        return """
            {"id": %d, "uuid": "%s", "username": "%s", "name": "%s", "description": "",
             "photo_url": null, "bot": false, "created_at": "%s"}\
            """.formatted(
                        user.id(),
                        user.uuid(),
                        user.username(),
                        user.username(),
                        own.get("created_at").asText());
    }

    // === HTTP API: Приватные чаты ===============================================================

    @Test
    void postChatCreatesThePrivateChatOnceAndAnswersStatusOkWithTheChat() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");

        ApiClient.Response created = alice.api().postEmpty("/api/v1/chat/" + bob.id());
        ApiClient.Response again = alice.api().postEmpty("/api/v1/chat/" + bob.id());
        ApiClient.Response fromBob = bob.api().postEmpty("/api/v1/chat/" + alice.id());

        JsonNode chat = created.json().path("chat");
        String roomName = "private_" + Math.min(alice.id(), bob.id()) + "_" + Math.max(alice.id(), bob.id());
        assertJson(
                200,
                """
                {"status": "ok", "chat": {"id": %d, "uuid": "%s", "name": "%s", "type": "private", "room_name": "%s",
                 "other_user": %s, "last_message": null, "unread_count": 0}}\
                """.formatted(
                        chat.path("id").asLong(), chat.path("uuid").asText(), bob.username(), roomName, userRef(bob)),
                created);
        assertJson(200, created.body(), again);
        assertEquals(200, fromBob.status(), fromBob.toString());
        assertEquals(chat.get("id"), fromBob.json().get("chat").get("id"));
        assertEquals(List.of(chat.get("id").asLong()), roomIds(alice));
        assertEquals(List.of(chat.get("id").asLong()), roomIds(bob));
    }

    @Test
    void postChatAnswers400ForABadUserIdAnd401WithoutAToken() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");

        assertError(alice.api().postEmpty("/api/v1/chat/abc"), 400, "invalid_input", "id");
        assertError(alice.api().postEmpty("/api/v1/chat/" + alice.id()), 400, "invalid_input", "user_id");
        assertError(alice.api().postEmpty("/api/v1/chat/999999"), 400, "invalid_input", "user_id");
        assertError(server.anonymous().postEmpty("/api/v1/chat/" + bob.id()), 401, "unauthorized", null);
        assertEquals(List.of(), roomIds(alice));
    }

    @Test
    void chatInfoDescribesThePrivateChatToItsMembers() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = privateChat(alice, bob);

        ApiClient.Response info = alice.api().get("/api/v1/chat/" + chat + "/info");

        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "type": "private", "name": "%s", "description": "", "room_name": "private_%d_%d",
                 "owner_id": null, "photo_url": null, "users": [%s, %s], "created_at": "%s"}\
                """.formatted(
                                chat,
                                info.json().path("uuid").asText(),
                                bob.username(),
                                alice.id(),
                                bob.id(),
                                userRef(alice),
                                userRef(bob),
                                info.json().path("created_at").asText()),
                info);
        assertEquals(
                alice.username(),
                bob.api()
                        .get("/api/v1/chat/" + chat + "/info")
                        .json()
                        .get("name")
                        .asText());
        assertError(alice.api().get("/api/v1/chat/abc/info"), 400, "invalid_input", "id");
        assertError(alice.api().get("/api/v1/chat/999999/info"), 404, "chat_not_found", null);
        assertError(eve.api().get("/api/v1/chat/" + chat + "/info"), 403, "not_a_member", null);
        assertError(server.anonymous().get("/api/v1/chat/" + chat + "/info"), 401, "unauthorized", null);
    }

    // === HTTP API: Групповые чаты ===============================================================

    @Test
    void postGroupTakesTheJsonFormFieldWithUsersAndAPhotoAndAnswersStatusOkWithTheGroup() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        byte[] png = TestImages.png(22);
        String json = SeedWalk.JSON
                .createObjectNode()
                .put("name", "Книжный клуб")
                .put("description", "Раз в месяц")
                .set("users", SeedWalk.JSON.valueToTree(List.of(ref(bob), ref(carol))))
                .toString();

        ApiClient.Response created = owner.api()
                .multipart(
                        "/api/v1/group",
                        List.of(Part.field("json", json), Part.file("photo", "cover.png", "image/png", png)));

        JsonNode group = created.json().path("group");
        long id = group.path("id").asLong();
        assertJson(200, """
            {"status": "ok", "group": {"id": %d, "uuid": "%s", "name": "Книжный клуб"}}\
            """.formatted(id, group.path("uuid").asText()), created);
        assertEquals(List.of(owner.id(), bob.id(), carol.id()), memberIds(carol, id));
        TestImages.assertSamePixels(
                png, bob.api().get("/api/v1/group/" + id + "/photo").bytes());
        assertEquals(List.of(id), roomIds(carol));
    }

    @Test
    void theGroupJsonFieldMayBeSentAsAJsonFile() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        byte[] json = ("{\"name\": \"From a blob\", \"description\": \"\", \"users\": [{\"id\": " + bob.id()
                        + ", \"name\": \"bob\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        ApiClient.Response created =
                owner.api().multipart("/api/v1/group", List.of(Part.file("json", "blob", "application/json", json)));

        assertEquals(200, created.status(), created.toString());
        assertEquals("From a blob", created.json().get("group").get("name").asText());
        assertEquals(
                List.of(owner.id(), bob.id()),
                memberIds(bob, created.json().get("group").get("id").asLong()));
    }

    @Test
    void postGroupRefusesBadDataWith400AndAMissingTokenWith401AndCreatesNothing() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");

        assertError(
                owner.api().multipart("/api/v1/group", List.of(Part.field("json", "{\"description\": \"no name\"}"))),
                400,
                "invalid_input",
                "name");
        assertError(
                owner.api()
                        .multipart(
                                "/api/v1/group",
                                List.of(Part.field("json", "{\"name\": \"x\", \"users\": [{\"id\": 999999}]}"))),
                400,
                "invalid_input",
                "users");
        assertError(
                owner.api().multipart("/api/v1/group", List.of(Part.field("json", "not json"))),
                400,
                "invalid_input",
                "json");
        assertError(
                owner.api().multipart("/api/v1/group", List.of(Part.field("name", "x"))), 400, "invalid_input", "json");
        assertError(owner.api().postEmpty("/api/v1/group"), 400, "invalid_input", "name");
        assertError(
                server.anonymous().multipart("/api/v1/group", List.of(Part.field("json", "{\"name\": \"x\"}"))),
                401,
                "unauthorized",
                null);
        assertEquals(List.of(), roomIds(owner));
        assertEquals(List.of(), roomIds(bob));
    }

    @Test
    void deleteGroupIsForTheOwnerOnly() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        long group = group(owner, "Doomed", member);

        assertError(member.api().delete("/api/v1/group/" + group), 403, "not_the_owner", null);
        assertError(owner.api().delete("/api/v1/group/abc"), 400, "invalid_input", "id");
        assertError(server.anonymous().delete("/api/v1/group/" + group), 401, "unauthorized", null);
        assertEquals(List.of(group), roomIds(member));

        assertJson(200, "{\"status\": \"ok\"}", owner.api().delete("/api/v1/group/" + group));

        assertEquals(List.of(), roomIds(member));
        assertError(owner.api().get("/api/v1/group/" + group + "/info"), 404, "group_not_found", null);
    }

    @Test
    void groupInfoAnswersIdNameAndDescriptionToMembers() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser eve = server.register("eve");
        long group = group(owner, "Info", member);
        long privateChat = privateChat(owner, member);

        ApiClient.Response info = member.api().get("/api/v1/group/" + group + "/info");

        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "type": "group", "name": "Info", "description": "about Info", "room_name": "group_%d",
                 "owner_id": %d, "photo_url": null, "users": [%s, %s], "created_at": "%s"}\
                """.formatted(
                                group,
                                info.json().path("uuid").asText(),
                                group,
                                owner.id(),
                                userRef(owner),
                                userRef(member),
                                info.json().path("created_at").asText()),
                info);
        assertError(member.api().get("/api/v1/group/abc/info"), 400, "invalid_input", "id");
        assertError(member.api().get("/api/v1/group/999999/info"), 404, "group_not_found", null);
        assertError(member.api().get("/api/v1/group/" + privateChat + "/info"), 404, "group_not_found", null);
        assertJson(200, info.body(), member.api().get("/api/v1/chat/" + group + "/info"));
        assertError(eve.api().get("/api/v1/group/" + group + "/info"), 403, "not_a_member", null);
        assertError(server.anonymous().get("/api/v1/group/" + group + "/info"), 401, "unauthorized", null);
    }

    @Test
    void groupUsersListsTheMembersAsIdAndName() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser eve = server.register("eve");
        long group = group(owner, "Users", member);

        assertJson(
                200,
                "{\"users\": [%s, %s]}".formatted(userRef(owner), userRef(member)),
                member.api().get("/api/v1/group/" + group + "/users"));
        assertError(member.api().get("/api/v1/group/abc/users"), 400, "invalid_input", "id");
        assertError(member.api().get("/api/v1/group/999999/users"), 404, "group_not_found", null);
        assertError(eve.api().get("/api/v1/group/" + group + "/users"), 403, "not_a_member", null);
        assertError(server.anonymous().get("/api/v1/group/" + group + "/users"), 401, "unauthorized", null);
    }

    @Test
    void addingUsersIsForTheOwnerAndAUserAlreadyInTheGroupIsAConflict() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long group = group(owner, "Add", member);
        String path = "/api/v1/group/" + group + "/add";

        assertError(member.api().post(path, Map.of("users", List.of(ref(carol)))), 403, "not_the_owner", null);
        assertError(
                owner.api().post(path, Map.of("users", List.of(ref(carol), ref(member)))),
                409,
                "already_a_member",
                null);
        assertError(owner.api().post(path, Map.of("users", "carol")), 400, "bad_request", "users");
        assertError(owner.api().post(path, Map.of("users", List.of())), 400, "invalid_input", "users");
        assertError(
                owner.api().post(path, Map.of("users", List.of(Map.of("id", 999999)))), 400, "invalid_input", "users");
        assertError(
                owner.api().post("/api/v1/group/abc/add", Map.of("users", List.of(ref(carol)))),
                400,
                "invalid_input",
                "id");
        assertError(server.anonymous().post(path, Map.of("users", List.of(ref(carol)))), 401, "unauthorized", null);
        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, group));

        assertJson(
                200, "{\"status\": \"ok\"}", owner.api().post(path, Map.of("users", List.of(ref(carol), ref(dave)))));

        assertEquals(List.of(owner.id(), member.id(), carol.id(), dave.id()), memberIds(owner, group));
    }

    @Test
    void removingUsersIsForTheOwnerAndAUserNotInTheGroupIsAConflict() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser carol = server.register("carol");
        TestUser outsider = server.register("outsider");
        long group = group(owner, "Remove", member, carol);
        String path = "/api/v1/group/" + group + "/delete";

        assertError(member.api().delete(path, Map.of("users", List.of(ref(carol)))), 403, "not_the_owner", null);
        assertError(
                owner.api().delete(path, Map.of("users", List.of(ref(carol), ref(outsider)))),
                409,
                "user_not_a_member",
                null);
        assertError(owner.api().delete(path, Map.of("users", 5)), 400, "bad_request", "users");
        assertError(owner.api().delete(path, Map.of("users", List.of())), 400, "invalid_input", "users");
        assertError(server.anonymous().delete(path, Map.of("users", List.of(ref(carol)))), 401, "unauthorized", null);
        assertEquals(List.of(owner.id(), member.id(), carol.id()), memberIds(owner, group));

        assertJson(200, "{\"status\": \"ok\"}", owner.api().delete(path, Map.of("users", List.of(ref(carol)))));

        assertEquals(List.of(owner.id(), member.id()), memberIds(owner, group));
        assertError(carol.api().get("/api/v1/group/" + group + "/info"), 403, "not_a_member", null);
    }

    // === HTTP API: Список чатов =================================================================

    @Test
    void theChatListHasRoomsWithIdNameTypeAndTheLastMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        long group = group(alice, "Rooms", bob);
        JsonNode inChat = send(bob, chat, "last in the chat");
        JsonNode inGroup = send(alice, group, "last in the group");

        ApiClient.Response rooms = alice.api().get("/api/v1/chats");

        List<JsonNode> entries = list(rooms.json().get("rooms"));
        assertEquals(200, rooms.status(), rooms.toString());
        assertEquals(List.of(group, chat), ids(rooms.json().get("rooms")));
        assertEquals(json("""
            {"id": %d, "uuid": "%s", "name": "Rooms", "type": "group", "room_name": "group_%d", "other_user": null,
             "last_message": %s, "unread_count": 0}\
            """.formatted(group, entries.get(0).path("uuid").asText(), group, inGroup)), entries.get(0));
        assertEquals(
                json("""
                    {"id": %d, "uuid": "%s", "name": "%s", "type": "private", "room_name": "private_%d_%d", "other_user": %s,
                     "last_message": %s, "unread_count": 1}\
                    """.formatted(
                                chat,
                                entries.get(1).path("uuid").asText(),
                                bob.username(),
                                alice.id(),
                                bob.id(),
                                userRef(bob),
                                inChat)),
                entries.get(1));
        assertEquals(message(inChat), entries.get(1).get("last_message"));
        assertUtcInstant(entries.get(1).get("last_message").get("time"));
    }

    @Test
    void theChatListPagesWithLimitAndOffsetAndRefusesBadParameters() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        TestUser loner = server.register("loner");
        long first = privateChat(alice, bob);
        long second = privateChat(alice, carol);
        send(alice, first, "older");
        send(alice, second, "newer");

        assertEquals(List.of(second, first), roomIds(alice));
        assertEquals(
                List.of(second),
                ids(alice.api().get("/api/v1/chats?limit=1").json().get("rooms")));
        assertEquals(
                List.of(first),
                ids(alice.api().get("/api/v1/chats?limit=1&offset=1").json().get("rooms")));
        assertEquals(
                List.of(first),
                ids(alice.api().get("/api/v1/chats?offset=1").json().get("rooms")));
        assertJson(200, "{\"rooms\": []}", alice.api().get("/api/v1/chats?offset=2"));
        assertJson(200, "{\"rooms\": []}", loner.api().get("/api/v1/chats"));
        assertError(alice.api().get("/api/v1/chats?limit=abc"), 400, "bad_request", "limit");
        assertError(alice.api().get("/api/v1/chats?limit=0"), 400, "invalid_input", "limit");
        assertError(alice.api().get("/api/v1/chats?limit=201"), 400, "invalid_input", "limit");
        assertEquals(
                List.of(second, first),
                ids(alice.api().get("/api/v1/chats?limit=200").json().get("rooms")));
        assertError(alice.api().get("/api/v1/chats?offset=-1"), 400, "invalid_input", "offset");
        assertError(server.anonymous().get("/api/v1/chats"), 401, "unauthorized", null);
    }

    // === WebSocket API ==========================================================================

    // --- ws://host/api/v1/chat/{id}?limit=&offset= ---------------------------------------------

    @Test
    void thePrivateChatSocketSendsTheHistoryFirstWithSeedMessages() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode first = send(alice, chat, "first");
        JsonNode second = send(bob, chat, "second");

        try (SocketClient socket = SocketClient.open(server, bob, "/api/v1/chat/" + chat)) {
            JsonNode frame = socket.next();

            assertEquals(SeedWalk.history(chat, List.of(message(first), message(second)), false), frame);
            assertEquals(
                    json("""
                        {"id": %d, "uuid": "%s", "chat_id": %d, "type": "message", "text": "first", "author": %s, "time": "%s"}\
                        """.formatted(
                                    first.get("id").asLong(),
                                    first.get("uuid").asText(),
                                    chat,
                                    userRef(alice),
                                    first.get("time").asText())),
                    frame.get("messages").get(0));
            assertSilent(socket);
        }
    }

    @Test
    void anEmptyChatsHistorySaysSoInItsErrorField() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient socket = SocketClient.open(server, alice, "/api/v1/chat/" + chat)) {
            assertEquals(
                    json(
                            "{\"type\": \"history\", \"chat_id\": %d, \"messages\": [], \"has_more\": false, \"error\": \"no messages\"}"
                                    .formatted(chat)),
                    socket.next());
        }
    }

    @Test
    void limitAndOffsetPickTheHistoryCountingBackFromTheNewestAndTheDefaultIs100() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        List<JsonNode> sent = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            sent.add(message(send(alice, chat, "m" + i)));
        }

        try (SocketClient byDefault = SocketClient.open(server, bob, "/api/v1/chat/" + chat);
                SocketClient paged = SocketClient.open(server, bob, "/api/v1/chat/" + chat + "?limit=2&offset=1");
                SocketClient pastTheEnd =
                        SocketClient.open(server, bob, "/api/v1/chat/" + chat + "?limit=5&offset=101")) {
            assertEquals(SeedWalk.history(chat, sent.subList(1, 101), true), byDefault.next());
            assertEquals(SeedWalk.history(chat, List.of(sent.get(98), sent.get(99)), true), paged.next());
            assertEquals(SeedWalk.history(chat, List.of(), false), pastTheEnd.next());
        }
    }

    @Test
    void theChatSocketNeedsATokenAMemberAndAChatThatExists() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = privateChat(alice, bob);

        assertEquals(401, SocketClient.refusedStatus(server.port(), "/api/v1/chat/" + chat, null));
        assertEquals(401, SocketClient.refusedStatus(server.port(), "/api/v1/chat/" + chat, "not-a-token"));
        try (SocketClient stranger = SocketClient.open(server, eve, "/api/v1/chat/" + chat);
                SocketClient missing = SocketClient.open(server, alice, "/api/v1/chat/999999");
                SocketClient badLimit = SocketClient.open(server, alice, "/api/v1/chat/" + chat + "?limit=abc");
                SocketClient hugeLimit = SocketClient.open(server, alice, "/api/v1/chat/" + chat + "?limit=201")) {
            assertEquals(CloseCodes.FORBIDDEN, stranger.closeCode());
            assertEquals(CloseCodes.NOT_FOUND, missing.closeCode());
            assertEquals(CloseCodes.BAD_REQUEST, badLimit.closeCode());
            assertEquals(CloseCodes.BAD_REQUEST, hugeLimit.closeCode());
            assertEquals(List.of(), stranger.drain());
            assertEquals(List.of(), missing.drain());
            assertEquals(List.of(), badLimit.drain());
            assertEquals(List.of(), hugeLimit.drain());
        }
    }

    // --- ws://host/api/v1/group/{id}?limit=&offset= --------------------------------------------

    @Test
    void theGroupSocketSendsTheGroupsHistoryAndIsForGroupsAndMembersOnly() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser eve = server.register("eve");
        long group = group(owner, "Sockets", member);
        long privateChat = privateChat(owner, member);
        List<JsonNode> sent = List.of(
                message(send(owner, group, "one")),
                message(send(member, group, "two")),
                message(send(owner, group, "three")));

        try (SocketClient all = SocketClient.open(server, member, "/api/v1/group/" + group);
                SocketClient page = SocketClient.open(server, member, "/api/v1/group/" + group + "?limit=1&offset=1");
                SocketClient stranger = SocketClient.open(server, eve, "/api/v1/group/" + group);
                SocketClient notAGroup = SocketClient.open(server, owner, "/api/v1/group/" + privateChat);
                SocketClient missing = SocketClient.open(server, owner, "/api/v1/group/999999")) {
            assertEquals(SeedWalk.history(group, sent, false), all.next());
            assertEquals(SeedWalk.history(group, List.of(sent.get(1)), true), page.next());
            assertEquals(CloseCodes.FORBIDDEN, stranger.closeCode());
            assertEquals(CloseCodes.NOT_FOUND, notAGroup.closeCode());
            assertEquals(CloseCodes.NOT_FOUND, missing.closeCode());
        }
        assertEquals(401, SocketClient.refusedStatus(server.port(), "/api/v1/group/" + group, null));
    }

    // --- ws://host/api/v1/main -----------------------------------------------------------------

    @Test
    void theMainSocketAnnouncesTheLastMessageOfEveryChatOfTheUser() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = privateChat(alice, bob);
        long group = group(carol, "Main", alice);
        long notHers = privateChat(bob, carol);

        try (SocketClient main = openMain(server, alice)) {
            JsonNode fromBob = send(bob, chat, "hi alice");
            JsonNode fromCarol = send(carol, group, "hi group");
            send(bob, notHers, "not for alice");
            JsonNode own = send(alice, chat, "my own");

            assertEquals(
                    json("""
                        {"id": %d, "uuid": "%s", "chat_id": %d, "type": "last_message", "text": "hi alice", "author": %s,
                         "time": "%s", "unread_count": 1}\
                        """.formatted(
                                    fromBob.get("id").asLong(),
                                    fromBob.get("uuid").asText(),
                                    chat,
                                    userRef(bob),
                                    fromBob.get("time").asText())),
                    main.next());
            assertEquals(lastMessage(fromCarol, 1), main.next());
            assertEquals(lastMessage(own, 0), main.next());
            assertSilent(main);
        }
        assertEquals(401, SocketClient.refusedStatus(server.port(), "/api/v1/main", null));
    }

    // --- Типы сообщений WebSocket ---------------------------------------------------------------

    @Test
    void aMessageFrameWithTheSeedsAuthorReachesEverySocketOfTheChatAndEveryMainSocket() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = openChat(server, alice, "/api/v1/chat/" + chat);
                SocketClient bobChat = openChat(server, bob, "/api/v1/chat/" + chat);
                SocketClient aliceMain = openMain(server, alice);
                SocketClient bobMain = openMain(server, bob)) {
            bobChat.send(Map.of("type", "message", "text", "over the socket", "author", ref(bob)));

            JsonNode delivered = aliceChat.next("message");
            assertEquals(message(delivered), delivered);
            assertEquals("over the socket", delivered.get("text").asText());
            assertEquals(json(userRef(bob)), delivered.get("author"));
            assertEquals(chat, delivered.get("chat_id").asLong());
            assertUtcInstant(delivered.get("time"));
            assertEquals(delivered, bobChat.next("message"));
            assertEquals(lastMessage(delivered, 1), aliceMain.next());
            assertEquals(lastMessage(delivered, 0), bobMain.next());
            assertEquals(List.of(delivered), history(alice, chat));
            assertSilent(aliceChat, bobChat, aliceMain, bobMain);
        }
    }

    @Test
    void aMessageFrameOnTheGroupSocketReachesTheWholeGroup() {
        TestUser owner = server.register("owner");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long group = group(owner, "Frames", bob, carol);

        try (SocketClient ownerSocket = openChat(server, owner, "/api/v1/group/" + group);
                SocketClient bobSocket = openChat(server, bob, "/api/v1/group/" + group);
                SocketClient carolSocket = openChat(server, carol, "/api/v1/group/" + group)) {
            carolSocket.send(Map.of("type", "message", "text", "hello group", "author", ref(carol)));

            JsonNode delivered = ownerSocket.next("message");
            assertEquals(json(userRef(carol)), delivered.get("author"));
            assertEquals(delivered, bobSocket.next("message"));
            assertEquals(delivered, carolSocket.next("message"));
        }
    }

    @Test
    void aMessageFrameNamingAnotherAuthorIsRefusedAndNotStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = openChat(server, alice, "/api/v1/chat/" + chat);
                SocketClient bobChat = openChat(server, bob, "/api/v1/chat/" + chat)) {
            bobChat.send(Map.of("type", "message", "text", "I am alice", "author", ref(alice)));

            JsonNode refused = bobChat.next("error");
            assertEquals("not_the_author", refused.get("code").asText(), refused.toString());
            assertSilent(aliceChat, bobChat);
            assertEquals(List.of(), history(alice, chat));
        }
    }

    @Test
    void typingAndStopTypingWithTheSeedsAuthorReachTheOtherMembersButNotTheTyper() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);

        try (SocketClient aliceChat = openChat(server, alice, "/api/v1/chat/" + chat);
                SocketClient bobChat = openChat(server, bob, "/api/v1/chat/" + chat);
                SocketClient aliceMain = openMain(server, alice)) {
            bobChat.send(Map.of("type", "typing", "author", ref(bob)));

            assertEquals(typing("typing", chat, bob), aliceChat.next());
            assertEquals(typing("typing", chat, bob), aliceMain.next());

            bobChat.send(Map.of("type", "stop_typing", "author", ref(bob)));

            assertEquals(typing("stop_typing", chat, bob), aliceChat.next());
            assertEquals(typing("stop_typing", chat, bob), aliceMain.next());
            assertSilent(bobChat, aliceChat, aliceMain);
        }
    }

    @Test
    void everyTimeTheDocumentShowsIsAnIsoInstantInUtc() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = privateChat(alice, bob);
        JsonNode sent = send(alice, chat, "when?");

        assertUtcInstant(sent.get("time"));
        assertTrue(
                sent.get("time").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z"),
                sent.toString());
    }
}
