package app.parley.server.dialects;

import static app.parley.server.dialects.SeedWalk.assertUtcInstant;
import static app.parley.server.dialects.SeedWalk.history;
import static app.parley.server.dialects.SeedWalk.ids;
import static app.parley.server.dialects.SeedWalk.json;
import static app.parley.server.dialects.SeedWalk.list;
import static app.parley.server.dialects.SeedWalk.message;
import static app.parley.server.dialects.SeedWalk.send;
import static app.parley.server.dialects.SeedWalk.userRef;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static app.parley.server.support.Sockets.assertSilent;
import static app.parley.server.support.Sockets.openChat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.event.CloseCodes;
import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.SocketClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 001 ({@code seed-001-rooms-v1.txt}) walked top to bottom, items 1 to 10, as a client
 * written against it would call it: its paths with their trailing slashes, its field names
 * ({@code user_id}, {@code room_name}, {@code query}), and the WebSocket URL it hands out.
 */
class Seed001DocumentTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String CHATS = "/api/v1/chats/";

    private static String roomName(TestUser a, TestUser b) {
        return "private_" + Math.min(a.id(), b.id()) + "_" + Math.max(a.id(), b.id());
    }

    /** Item 1: the room of two users, as the caller sees it; fails unless it answers 200 or 201. */
    private static JsonNode room(TestUser caller, TestUser other) {
        ApiClient.Response response = caller.api().post(CHATS, Map.of("user_id", other.id()));
        assertTrue(response.status() == 200 || response.status() == 201, response.toString());
        return response.json();
    }

    private static long roomId(TestUser caller, TestUser other) {
        return room(caller, other).get("id").asLong();
    }

    /** A group to walk with (seed 002 makes groups; seed 001 only has their rooms). */
    private static long group(TestUser owner, TestUser... members) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (TestUser member : members) {
            users.add(Map.of("id", member.id()));
        }
        ApiClient.Response created =
                owner.api().post("/api/v1/group", Map.of("name", "Room of " + owner.username(), "users", users));
        assertEquals(200, created.status(), created.toString());
        return created.json().get("group").get("id").asLong();
    }

    private static JsonNode unread(TestUser user) {
        ApiClient.Response response = user.api().get(CHATS + "unread/");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static JsonNode rooms(TestUser user) {
        ApiClient.Response response = user.api().get(CHATS);
        assertEquals(200, response.status(), response.toString());
        return response.json().get("rooms");
    }

    /** The path of the URL item 10 hands out, checked to point at this server. */
    private static String socketPathOf(TestUser member, long chatId) {
        ApiClient.Response connect = member.api().get(CHATS + chatId + "/connect/");
        assertEquals(200, connect.status(), connect.toString());
        URI url = URI.create(connect.json().get("url").asText());
        assertEquals("ws", url.getScheme());
        assertEquals(server.port(), url.getPort());
        return url.getPath();
    }

    // --- 1. POST /api/v1/chats/ ----------------------------------------------------------------

    @Test
    void postingAUserIdCreatesTheRoomOfTwoUsersOnceAndReturnsItsRoomNameAndTheSecondUser() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");

        ApiClient.Response created = alice.api().post(CHATS, Map.of("user_id", bob.id()));
        long id = created.json().path("id").asLong();
        String uuid = created.json().path("uuid").asText();
        ApiClient.Response existing = alice.api().post(CHATS, Map.of("user_id", bob.id()));
        ApiClient.Response fromBob = bob.api().post(CHATS, Map.of("user_id", alice.id()));

        String asAliceSeesIt = """
            {"id": %d, "uuid": "%s", "name": "%s", "type": "private", "room_name": "%s", "other_user": %s,
             "last_message": null, "unread_count": 0}\
            """.formatted(id, uuid, bob.username(), roomName(alice, bob), userRef(bob));
        assertJson(201, asAliceSeesIt, created);
        assertJson(200, asAliceSeesIt, existing);
        assertJson(200, """
            {"id": %d, "uuid": "%s", "name": "%s", "type": "private", "room_name": "%s", "other_user": %s,
             "last_message": null, "unread_count": 0}\
            """.formatted(id, uuid, alice.username(), roomName(alice, bob), userRef(alice)), fromBob);
        assertEquals(List.of(id), ids(rooms(alice)));
        assertEquals(List.of(id), ids(rooms(bob)));
    }

    @Test
    void theUserIdMayComeAsAFormTheWayADjangoRestFrameworkClientPostsIt() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");

        ApiClient.Response urlEncoded =
                alice.api().postRaw(CHATS, "application/x-www-form-urlencoded", "user_id=" + bob.id());
        ApiClient.Response multipart =
                alice.api().multipart(CHATS, List.of(Part.field("user_id", String.valueOf(carol.id()))));

        assertEquals(201, urlEncoded.status(), urlEncoded.toString());
        assertEquals(roomName(alice, bob), urlEncoded.json().get("room_name").asText());
        assertEquals(201, multipart.status(), multipart.toString());
        assertEquals(roomName(alice, carol), multipart.json().get("room_name").asText());
        assertJson(
                200,
                urlEncoded.body(),
                alice.api().postRaw(CHATS, "application/x-www-form-urlencoded", "user_id=" + bob.id()));
    }

    @Test
    void aRoomNeedsAUserIdOfAnotherExistingUserAndAToken() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");

        assertError(alice.api().post(CHATS, Map.of()), 400, "invalid_input", "user_id");
        assertError(alice.api().postEmpty(CHATS), 400, "invalid_input", "user_id");
        assertError(alice.api().post(CHATS, Map.of("user_id", "bob")), 400, "invalid_input", "user_id");
        assertError(alice.api().post(CHATS, Map.of("user_id", alice.id())), 400, "invalid_input", "user_id");
        assertError(alice.api().post(CHATS, Map.of("user_id", 999_999)), 400, "invalid_input", "user_id");
        assertError(
                alice.api().postRaw(CHATS, "application/x-www-form-urlencoded", "user_id="),
                400,
                "invalid_input",
                "user_id");
        assertError(server.anonymous().post(CHATS, Map.of("user_id", bob.id())), 401, "unauthorized", null);
        assertEquals(List.of(), ids(rooms(alice)));
        assertEquals(List.of(), ids(rooms(bob)));
    }

    // --- 2. GET /api/v1/chats/ -----------------------------------------------------------------

    @Test
    void theRoomListHasEveryRoomOfTheCallerAndOnlyThoseEachWithTheSecondUser() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        JsonNode withBob = room(alice, bob);
        long group = group(alice, bob);
        roomId(carol, bob);
        JsonNode inGroup = send(bob, group, "in the group");
        JsonNode toBob = send(alice, withBob.get("id").asLong(), "to bob");

        ApiClient.Response list = alice.api().get(CHATS);

        String groupUuid = alice.api()
                .get("/api/v1/group/" + group + "/info")
                .json()
                .get("uuid")
                .asText();
        assertJson(
                200,
                """
                {"rooms": [
                  {"id": %d, "uuid": "%s", "name": "%s", "type": "private", "room_name": "%s", "other_user": %s,
                   "last_message": %s, "unread_count": 0},
                  {"id": %d, "uuid": "%s", "name": "Room of %s", "type": "group", "room_name": "group_%d", "other_user": null,
                   "last_message": %s, "unread_count": 1}]}\
                """.formatted(
                                withBob.get("id").asLong(),
                                withBob.get("uuid").asText(),
                                bob.username(),
                                roomName(alice, bob),
                                userRef(bob),
                                toBob,
                                group,
                                groupUuid,
                                alice.username(),
                                group,
                                inGroup),
                list);
        assertJson(200, list.body(), alice.api().get("/api/v1/chats"));
        assertError(server.anonymous().get(CHATS), 401, "unauthorized", null);
    }

    @Test
    void aUserWithoutRoomsGetsAnEmptyList() {
        TestUser loner = server.register("loner");

        assertJson(200, "{\"rooms\": []}", loner.api().get(CHATS));
    }

    // --- 3. GET /api/v1/chats/{chat_id}/messages/ ---------------------------------------------

    @Test
    void theMessagesOfARoomComeWithSenderTimeAndTextAPageAtATime() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);
        List<JsonNode> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(send(i % 2 == 0 ? bob : alice, chat, "message " + i));
        }

        List<JsonNode> read = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String next = CHATS + chat + "/messages/?limit=2";
        while (next != null) {
            pages.add(next);
            ApiClient.Response page = bob.api().get(next);
            assertEquals(200, page.status(), page.toString());
            assertEquals(Set.of("results", "next", "previous"), fieldNames(page.json()), page.toString());
            read.addAll(list(page.json().get("results")));
            next = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asText();
            assertTrue(pages.size() <= 3, "more pages than messages: " + pages);
        }

        assertEquals(3, pages.size(), pages.toString());
        assertEquals(sent.reversed().stream().map(SeedWalk::message).toList(), read);
        for (JsonNode message : read) {
            assertUtcInstant(message.get("time"));
        }
        assertEquals(json(userRef(alice)), read.getLast().get("author"));
        assertEquals("message 1", read.getLast().get("text").asText());
    }

    @Test
    void theMessagesOfARoomAreForItsMembersOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);
        send(alice, chat, "private");

        assertError(eve.api().get(CHATS + chat + "/messages/"), 403, "not_a_member", null);
        assertError(alice.api().get(CHATS + "999999/messages/"), 404, "chat_not_found", null);
        assertError(alice.api().get(CHATS + chat + "/messages/?limit=0"), 400, "invalid_input", "limit");
        assertError(server.anonymous().get(CHATS + chat + "/messages/"), 401, "unauthorized", null);
    }

    // --- 4. POST /api/v1/chats/{chat_id}/messages/ --------------------------------------------

    @Test
    void aPostedMessageIsStoredAndSentToEveryParticipantOverTheWebSocket() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);

        try (SocketClient aliceSocket = openChat(server, alice, socketPathOf(alice, chat));
                SocketClient bobSocket = openChat(server, bob, socketPathOf(bob, chat))) {
            ApiClient.Response posted = alice.api().post(CHATS + chat + "/messages/", Map.of("text", "Привет, Боб!"));

            assertEquals(201, posted.status(), posted.toString());
            JsonNode message = posted.json();
            assertEquals(
                    json("""
                        {"id": %d, "uuid": "%s", "chat_id": %d, "type": "message", "text": "Привет, Боб!", "author": %s, "time": "%s"}\
                        """.formatted(
                                    message.get("id").asLong(),
                                    message.get("uuid").asText(),
                                    chat,
                                    userRef(alice),
                                    message.get("time").asText())),
                    message);
            assertUtcInstant(message.get("time"));
            assertEquals(message, aliceSocket.next("message"));
            assertEquals(message, bobSocket.next("message"));
            assertEquals(List.of(message), history(bob, chat));
            assertSilent(aliceSocket, bobSocket);
        }
    }

    @Test
    void theTextMayBeNamedTextMessageOrContentAndComeAsJsonOrAsAForm() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);
        String path = CHATS + chat + "/messages/";

        List<ApiClient.Response> posted = List.of(
                alice.api().post(path, Map.of("text", "json text")),
                alice.api().post(path, Map.of("message", "json message")),
                bob.api().post(path, Map.of("content", "json content")),
                alice.api()
                        .postRaw(
                                path,
                                "application/x-www-form-urlencoded",
                                "text=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82+form"),
                bob.api().postRaw(path, "application/x-www-form-urlencoded", "message=form+message"),
                bob.api().multipart(path, List.of(Part.field("text", "multipart"))),
                alice.api().multipart(path, List.of(Part.field("content", "multipart content"))));

        for (ApiClient.Response response : posted) {
            assertEquals(201, response.status(), response.toString());
        }
        assertEquals(
                List.of(
                        "json text",
                        "json message",
                        "json content",
                        "привет form",
                        "form message",
                        "multipart",
                        "multipart content"),
                history(alice, chat).stream().map(m -> m.get("text").asText()).toList());
        assertEquals(posted.stream().map(ApiClient.Response::json).toList(), history(alice, chat));
    }

    @Test
    void aMessageNeedsTextAMemberAndATokenAndARefusedOneIsNotStored() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);

        assertError(alice.api().post(CHATS + chat + "/messages/", Map.of("text", "  ")), 400, "invalid_input", "text");
        assertError(alice.api().post(CHATS + chat + "/messages/", Map.of()), 400, "invalid_input", "text");
        assertError(
                alice.api().postRaw(CHATS + chat + "/messages/", "application/x-www-form-urlencoded", "other=1"),
                400,
                "invalid_input",
                "text");
        assertError(
                eve.api().post(CHATS + chat + "/messages/", Map.of("text", "let me in")), 403, "not_a_member", null);
        assertError(
                alice.api().post(CHATS + "999999/messages/", Map.of("text", "nobody")), 404, "chat_not_found", null);
        assertError(
                server.anonymous().post(CHATS + chat + "/messages/", Map.of("text", "anonymous")),
                401,
                "unauthorized",
                null);
        assertEquals(List.of(), history(alice, chat));
    }

    // --- 5. GET /api/v1/chats/unread/ ---------------------------------------------------------

    @Test
    void unreadCountsComePerRoomOrderedByRoomAndNeverCountTheCallersOwnMessages() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long withBob = roomId(alice, bob);
        long group = group(alice, bob, carol);
        long quiet = roomId(bob, carol);
        send(alice, withBob, "one");
        send(alice, withBob, "two");
        send(carol, group, "three");

        ApiClient.Response forBob = bob.api().get(CHATS + "unread/");

        assertJson(
                200, """
                    {"total": 3, "chats": [
                      {"chat_id": %d, "room_name": "%s", "unread_count": 2},
                      {"chat_id": %d, "room_name": "group_%d", "unread_count": 1},
                      {"chat_id": %d, "room_name": "%s", "unread_count": 0}]}\
                    """.formatted(withBob, roomName(alice, bob), group, group, quiet, roomName(bob, carol)), forBob);
        assertJson(
                200,
                """
                {"total": 1, "chats": [
                  {"chat_id": %d, "room_name": "%s", "unread_count": 0},
                  {"chat_id": %d, "room_name": "group_%d", "unread_count": 1}]}\
                """.formatted(withBob, roomName(alice, bob), group, group),
                alice.api().get(CHATS + "unread/"));
        assertJson(200, forBob.body(), bob.api().get("/api/v1/chats/unread"));
        assertError(server.anonymous().get(CHATS + "unread/"), 401, "unauthorized", null);
    }

    // --- 6. POST /api/v1/chats/{chat_id}/mark_read/ -------------------------------------------

    @Test
    void markReadWithTheRoomNameReadsEverythingSentUntilNowInThatRoomOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = roomId(alice, bob);
        long group = group(carol, bob);
        send(alice, chat, "one");
        long last = send(alice, chat, "two").get("id").asLong();
        send(carol, group, "elsewhere");

        ApiClient.Response marked =
                bob.api().post(CHATS + chat + "/mark_read/", Map.of("room_name", roomName(alice, bob)));

        assertJson(
                200, """
                    {"status": "ok", "chat_id": %d, "last_read_message_id": %d, "unread_count": 0, "last_seen": "%s"}\
                    """.formatted(chat, last, marked.json().path("last_seen").asText()), marked);
        assertUtcInstant(marked.json().get("last_seen"));
        assertEquals(List.of(0L, 1L), unreadCounts(bob));

        send(alice, chat, "after the mark");

        assertEquals(List.of(1L, 1L), unreadCounts(bob));
    }

    @Test
    void markReadTakesTheRoomNameAsAFormOrNoBodyAtAll() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);

        send(alice, chat, "one");
        assertEquals(
                200,
                bob.api()
                        .postRaw(
                                CHATS + chat + "/mark_read/",
                                "application/x-www-form-urlencoded",
                                "room_name=" + roomName(alice, bob))
                        .status());
        assertEquals(List.of(0L), unreadCounts(bob));

        send(alice, chat, "two");
        assertEquals(
                200,
                bob.api()
                        .multipart(CHATS + chat + "/mark_read/", List.of(Part.field("room_name", roomName(alice, bob))))
                        .status());
        assertEquals(List.of(0L), unreadCounts(bob));

        send(alice, chat, "three");
        ApiClient.Response bodiless = bob.api().postEmpty(CHATS + chat + "/mark_read/");
        assertEquals(200, bodiless.status(), bodiless.toString());
        assertEquals(List.of(0L), unreadCounts(bob));

        send(alice, chat, "four");
        assertEquals(
                200,
                bob.api()
                        .postEmpty(CHATS + roomName(alice, bob) + "/mark_read/")
                        .status());
        assertEquals(List.of(0L), unreadCounts(bob));
    }

    @Test
    void markReadWithTheRoomNameOfAnotherRoomIsRefusedAndReadsNothing() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = roomId(alice, bob);
        roomId(bob, carol);
        send(alice, chat, "unread");

        assertError(
                bob.api().post(CHATS + chat + "/mark_read/", Map.of("room_name", roomName(bob, carol))),
                400,
                "invalid_input",
                "room_name");
        assertError(
                bob.api()
                        .postRaw(
                                CHATS + chat + "/mark_read/",
                                "application/x-www-form-urlencoded",
                                "room_name=nonsense"),
                400,
                "invalid_input",
                "room_name");
        assertEquals(List.of(1L, 0L), unreadCounts(bob));
    }

    @Test
    void markReadIsForMembersWithATokenOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);
        send(alice, chat, "unread");

        assertError(
                eve.api().post(CHATS + chat + "/mark_read/", Map.of("room_name", roomName(alice, bob))),
                403,
                "not_a_member",
                null);
        assertError(bob.api().postEmpty(CHATS + "999999/mark_read/"), 404, "chat_not_found", null);
        assertError(server.anonymous().postEmpty(CHATS + chat + "/mark_read/"), 401, "unauthorized", null);
        assertEquals(List.of(1L), unreadCounts(bob));
    }

    private static List<Long> unreadCounts(TestUser user) {
        return list(unread(user).get("chats")).stream()
                .map(c -> c.get("unread_count").asLong())
                .toList();
    }

    // --- 7. DELETE /api/v1/chats/{chat_id}/messages/{message_id}/ ------------------------------

    @Test
    void theAuthorDeletesTheirMessageAndTheRoomIsTold() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);
        JsonNode doomed = send(alice, chat, "oops");
        JsonNode kept = send(bob, chat, "kept");

        try (SocketClient bobSocket = openChat(server, bob, socketPathOf(bob, chat))) {
            ApiClient.Response deleted = alice.api()
                    .delete(CHATS + chat + "/messages/" + doomed.get("id").asLong() + "/");

            assertJson(200, "{\"status\": \"ok\"}", deleted);
            assertEquals(
                    json("""
                        {"type": "message_deleted", "chat_id": %d, "message_id": %d, "message_uuid": "%s"}\
                        """.formatted(
                            chat, doomed.get("id").asLong(), doomed.get("uuid").asText())),
                    bobSocket.next());
            assertEquals(List.of(kept), history(alice, chat));
        }
        assertError(
                alice.api()
                        .delete(CHATS + chat + "/messages/" + doomed.get("id").asLong() + "/"),
                404,
                "message_not_found",
                null);
    }

    @Test
    void onlyTheAuthorMayDeleteAMessage() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);
        long other = roomId(alice, eve);
        JsonNode message = send(alice, chat, "mine");
        long id = message.get("id").asLong();

        assertError(bob.api().delete(CHATS + chat + "/messages/" + id + "/"), 403, "not_the_author", null);
        assertError(eve.api().delete(CHATS + chat + "/messages/" + id + "/"), 403, "not_a_member", null);
        assertError(alice.api().delete(CHATS + other + "/messages/" + id + "/"), 404, "message_not_found", null);
        assertError(alice.api().delete(CHATS + chat + "/messages/999999/"), 404, "message_not_found", null);
        assertError(alice.api().delete(CHATS + chat + "/messages/abc/"), 400, "invalid_input", "message_id");
        assertError(server.anonymous().delete(CHATS + chat + "/messages/" + id + "/"), 401, "unauthorized", null);
        assertEquals(List.of(message), history(bob, chat));
    }

    // --- 8. GET /api/v1/chats/{chats_name}/search/ --------------------------------------------

    @Test
    void searchFindsTheMessagesMatchingTheQueryInTheNamedRoomOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser carol = server.register("carol");
        long chat = roomId(alice, bob);
        long elsewhere = roomId(alice, carol);
        JsonNode hello = send(alice, chat, "Привет, мир");
        JsonNode helloAll = send(bob, chat, "привет всем");
        send(bob, chat, "пока");
        send(alice, elsewhere, "привет, Кэрол");

        for (String name : List.of(String.valueOf(chat), roomName(alice, bob))) {
            ApiClient.Response found =
                    bob.api().get(CHATS + name + "/search/?query=%D0%9F%D0%A0%D0%98%D0%92%D0%95%D0%A2");

            assertEquals(200, found.status(), found.toString());
            assertEquals(Set.of("query", "results"), fieldNames(found.json()));
            assertEquals("ПРИВЕТ", found.json().get("query").asText());
            assertEquals(
                    Set.of(hello.get("id").asLong(), helloAll.get("id").asLong()),
                    new TreeSet<>(ids(found.json().get("results"))));
            for (JsonNode result : found.json().get("results")) {
                assertEquals(result.get("id").equals(hello.get("id")) ? hello : helloAll, result);
            }
        }
        assertJson(
                200,
                "{\"query\": \"nothing\", \"results\": []}",
                bob.api().get(CHATS + chat + "/search/?query=nothing"));
    }

    @Test
    void searchNeedsAQueryAMemberAndAToken() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);
        send(alice, chat, "secret");

        assertError(alice.api().get(CHATS + chat + "/search/"), 400, "invalid_input", "query");
        assertError(eve.api().get(CHATS + chat + "/search/?query=secret"), 403, "not_a_member", null);
        assertError(eve.api().get(CHATS + roomName(alice, bob) + "/search/?query=secret"), 403, "not_a_member", null);
        assertError(alice.api().get(CHATS + "private_999998_999999/search/?query=secret"), 404, "chat_not_found", null);
        assertError(server.anonymous().get(CHATS + chat + "/search/?query=secret"), 401, "unauthorized", null);
    }

    // --- 9. DELETE /api/v1/chats/{chat_id}/ ---------------------------------------------------

    @Test
    void eitherMemberDeletesAPrivateRoomWithItsMessages() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);
        send(alice, chat, "soon gone");

        try (SocketClient aliceSocket = openChat(server, alice, socketPathOf(alice, chat))) {
            assertJson(200, "{\"status\": \"ok\"}", bob.api().delete(CHATS + chat + "/"));

            assertEquals(json("{\"type\": \"chat_deleted\", \"chat_id\": " + chat + "}"), aliceSocket.next());
            assertEquals(CloseCodes.CHAT_DELETED, aliceSocket.closeCode());
        }
        assertEquals(List.of(), ids(rooms(alice)));
        assertEquals(List.of(), ids(rooms(bob)));
        assertError(alice.api().get(CHATS + chat + "/messages/"), 404, "chat_not_found", null);
        assertError(alice.api().delete(CHATS + chat + "/"), 404, "chat_not_found", null);
    }

    @Test
    void aGroupRoomIsDeletedByItsOwnerOnly() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser eve = server.register("eve");
        long group = group(owner, member);

        assertError(member.api().delete(CHATS + group + "/"), 403, "not_the_owner", null);
        assertError(eve.api().delete(CHATS + group + "/"), 403, "not_a_member", null);
        assertError(server.anonymous().delete(CHATS + group + "/"), 401, "unauthorized", null);
        assertEquals(List.of(group), ids(rooms(member)));

        assertJson(200, "{\"status\": \"ok\"}", owner.api().delete(CHATS + "group_" + group + "/"));

        assertEquals(List.of(), ids(rooms(member)));
        assertError(owner.api().delete(CHATS + "999999/"), 404, "chat_not_found", null);
    }

    @Test
    void aPrivateRoomIsNotDeletedByAStranger() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);

        assertError(eve.api().delete(CHATS + chat + "/"), 403, "not_a_member", null);
        assertEquals(List.of(chat), ids(rooms(alice)));
    }

    // --- 10. GET /api/v1/chats/{chat_id}/connect/ ---------------------------------------------

    @Test
    void connectReturnsTheWebSocketUrlOfTheRoomAndThatUrlCarriesTheRoom() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = roomId(alice, bob);
        JsonNode earlier = send(alice, chat, "before connecting");

        ApiClient.Response connect = bob.api().get(CHATS + chat + "/connect/");

        assertJson(200, """
            {"url": "ws://localhost:%d/ws/chat/%d/", "chat_id": %d, "room_name": "%s"}\
            """.formatted(server.port(), chat, chat, roomName(alice, bob)), connect);
        assertJson(200, connect.body(), bob.api().get(CHATS + roomName(alice, bob) + "/connect/"));
        String path = URI.create(connect.json().get("url").asText()).getPath();
        try (SocketClient bobSocket = SocketClient.open(server, bob, path);
                SocketClient aliceSocket = SocketClient.open(server, alice, path)) {
            assertEquals(SeedWalk.history(chat, List.of(earlier), false), bobSocket.next());
            assertEquals("history", aliceSocket.next().get("type").asText());

            bobSocket.send(Map.of("type", "message", "text", "over the socket"));

            JsonNode live = aliceSocket.next("message");
            assertEquals(live, bobSocket.next("message"));
            assertEquals("over the socket", live.get("text").asText());
            assertEquals(json(userRef(bob)), live.get("author"));
            assertEquals(message(live), live);
            assertEquals(List.of(earlier, live), history(alice, chat));
        }
    }

    @Test
    void connectAndItsSocketAreForMembersWithATokenOnly() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        TestUser eve = server.register("eve");
        long chat = roomId(alice, bob);
        String path = socketPathOf(alice, chat);

        assertError(eve.api().get(CHATS + chat + "/connect/"), 403, "not_a_member", null);
        assertError(alice.api().get(CHATS + "999999/connect/"), 404, "chat_not_found", null);
        assertError(server.anonymous().get(CHATS + chat + "/connect/"), 401, "unauthorized", null);
        assertEquals(401, SocketClient.refusedStatus(server.port(), path, null));
        try (SocketClient stranger = SocketClient.open(server, eve, path);
                SocketClient missing = SocketClient.open(server, alice, "/ws/chat/999999/")) {
            assertEquals(CloseCodes.FORBIDDEN, stranger.closeCode());
            assertEquals(List.of(), stranger.drain());
            assertEquals(CloseCodes.NOT_FOUND, missing.closeCode());
            assertEquals(List.of(), missing.drain());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        assertNotNull(node);
        return names;
    }
}
