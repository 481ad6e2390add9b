package app.parley.server.chats;

import static app.parley.server.chats.ChatApi.emptyPrivateRoom;
import static app.parley.server.chats.ChatApi.privateChat;
import static app.parley.server.chats.ChatApi.privateRoomName;
import static app.parley.server.chats.ChatApi.roomIds;
import static app.parley.server.chats.ChatApi.rooms;
import static app.parley.server.chats.ChatApi.send;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.messages.MessageRepository;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrivateChatApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    // --- POST /api/v1/chat/{id} (seed 002) ------------------------------------------------------

    @Test
    void openingAPrivateChatReturnsTheRoomAndTheSameChatEveryTimeFromEitherSide() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");

        var first = alice.api().postEmpty("/api/v1/chat/" + bob.id());
        long chatId = first.json().path("chat").path("id").asLong();
        String uuid = first.json().path("chat").path("uuid").asText();
        var again = alice.api().postEmpty("/api/v1/chat/" + bob.id());
        var fromBob = bob.api().postEmpty("/api/v1/chat/" + alice.id());
        var byUuid = alice.api().postEmpty("/api/v1/chat/" + bob.uuid());

        String asAliceSeesIt = "{\"status\": \"ok\", \"chat\": " + emptyPrivateRoom(chatId, uuid, alice, bob) + "}";
        assertJson(200, asAliceSeesIt, first);
        assertJson(200, asAliceSeesIt, again);
        assertJson(200, asAliceSeesIt, byUuid);
        assertJson(200, "{\"status\": \"ok\", \"chat\": " + emptyPrivateRoom(chatId, uuid, bob, alice) + "}", fromBob);
        assertEquals(List.of(chatId), roomIds(alice));
        assertEquals(List.of(chatId), roomIds(bob));
    }

    @Test
    void aPrivateChatWithYourselfIsABadRequestAndCreatesNothing() {
        TestUser loner = server.register("loner");

        assertError(loner.api().postEmpty("/api/v1/chat/" + loner.id()), 400, "invalid_input", "user_id");
        assertError(loner.api().postEmpty("/api/v1/chat/" + loner.uuid()), 400, "invalid_input", "user_id");

        assertJson(200, "{\"rooms\": []}", loner.api().get("/api/v1/chats"));
    }

    @Test
    void aPrivateChatWithAnUnknownUserIsABadRequestAsSeed002SaysAndCreatesNothing() {
        TestUser user = server.register("seeker");

        assertError(user.api().postEmpty("/api/v1/chat/999999"), 400, "invalid_input", "user_id");
        assertError(user.api().postEmpty("/api/v1/chat/" + UUID.randomUUID()), 400, "invalid_input", "user_id");

        assertJson(200, "{\"rooms\": []}", user.api().get("/api/v1/chats"));
    }

    @Test
    void aUserIdThatIsNeitherAPositiveIntegerNorAUuidIsABadRequest() {
        TestUser user = server.register("typo");

        for (String bad : List.of("abc", "0", "-5", "1.5")) {
            assertError(user.api().postEmpty("/api/v1/chat/" + bad), 400, "invalid_input", "id");
        }

        assertJson(200, "{\"rooms\": []}", user.api().get("/api/v1/chats"));
    }

    @Test
    void openingAPrivateChatNeedsATokenAndCreatesNothingWithoutOne() {
        TestUser target = server.register("target");

        assertError(server.anonymous().postEmpty("/api/v1/chat/" + target.id()), 401, "unauthorized", null);

        assertJson(200, "{\"rooms\": []}", target.api().get("/api/v1/chats"));
    }

    @Test
    void concurrentOpeningsFromBothSidesMakeExactlyOneChat() throws Exception {
        TestUser left = server.register("left");
        TestUser right = server.register("right");
        int perSide = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < perSide; i++) {
            calls.add(() -> {
                start.await();
                return left.api().postEmpty("/api/v1/chat/" + right.id());
            });
            calls.add(() -> {
                start.await();
                return right.api().postEmpty("/api/v1/chat/" + left.id());
            });
        }
        List<ApiClient.Response> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<ApiClient.Response>> futures =
                    calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Long> statuses =
                responses.stream().collect(Collectors.groupingBy(ApiClient.Response::status, Collectors.counting()));
        assertEquals(Map.of(200, (long) 2 * perSide), statuses, responses.toString());
        Set<Long> chatIds = responses.stream()
                .map(r -> r.json().get("chat").get("id").asLong())
                .collect(Collectors.toSet());
        assertEquals(1, chatIds.size(), chatIds.toString());
        long chatId = chatIds.iterator().next();
        assertEquals(List.of(chatId), roomIds(left));
        assertEquals(List.of(chatId), roomIds(right));
        assertEquals(
                chatId,
                server.bean(ChatRepository.class)
                        .findByPairKey(Math.min(left.id(), right.id()) + ":" + Math.max(left.id(), right.id()))
                        .orElseThrow()
                        .id());
        assertEquals(2, server.bean(ChatMemberRepository.class).countByChatId(chatId));
    }

    // --- GET /api/v1/chat/{id}/info ----------------------------------------------------------------

    @Test
    void bothMembersSeeThePrivateChatInfoNamedAfterTheOtherUser() {
        TestUser carol = server.register("carol");
        TestUser dave = server.register("dave");
        long chatId = privateChat(carol, dave);

        var asCarol = carol.api().get("/api/v1/chat/" + chatId + "/info");
        String uuid = asCarol.json().path("uuid").asText();
        var asDave = dave.api().get("/api/v1/chat/" + chatId + "/info");
        var byUuid = dave.api().get("/api/v1/chat/" + uuid + "/info");

        String info = """
            {"id": %d, "uuid": "%s", "type": "private", "name": "%s", "description": "", "room_name": "%s",
             "owner_id": null, "photo_url": null,
             "users": [{"id": %d, "name": "%s", "username": "%s"}, {"id": %d, "name": "%s", "username": "%s"}],
             "created_at": "%s"}\
            """;
        String createdAt = asCarol.json().path("created_at").asText();
        assertJson(
                200,
                info.formatted(
                        chatId,
                        uuid,
                        dave.username(),
                        privateRoomName(carol, dave),
                        carol.id(),
                        carol.username(),
                        carol.username(),
                        dave.id(),
                        dave.username(),
                        dave.username(),
                        createdAt),
                asCarol);
        String asDaveSeesIt = info.formatted(
                chatId,
                uuid,
                carol.username(),
                privateRoomName(carol, dave),
                carol.id(),
                carol.username(),
                carol.username(),
                dave.id(),
                dave.username(),
                dave.username(),
                createdAt);
        assertJson(200, asDaveSeesIt, asDave);
        assertJson(200, asDaveSeesIt, byUuid);
    }

    @Test
    void someoneOutsideThePrivateChatIsForbiddenItsInfo() {
        TestUser erin = server.register("erin");
        TestUser frank = server.register("frank");
        TestUser mallory = server.register("mallory");
        long chatId = privateChat(erin, frank);

        assertError(mallory.api().get("/api/v1/chat/" + chatId + "/info"), 403, "not_a_member", null);
    }

    @Test
    void theInfoOfAnUnknownChatIsNotFoundAndABadIdIsABadRequest() {
        TestUser user = server.register("curious");

        assertError(user.api().get("/api/v1/chat/999999/info"), 404, "chat_not_found", null);
        assertError(user.api().get("/api/v1/chat/" + UUID.randomUUID() + "/info"), 404, "chat_not_found", null);
        assertError(user.api().get("/api/v1/chat/abc/info"), 400, "invalid_input", "id");
        assertError(user.api().get("/api/v1/chat/0/info"), 400, "invalid_input", "id");
    }

    @Test
    void chatInfoNeedsAToken() {
        TestUser gina = server.register("gina");
        TestUser hank = server.register("hank");
        long chatId = privateChat(gina, hank);

        assertError(server.anonymous().get("/api/v1/chat/" + chatId + "/info"), 401, "unauthorized", null);
    }

    // --- POST /api/v1/chats/ (seed 001) -------------------------------------------------------------

    @Test
    void seed001CreatesTheRoomOnceWith201AndThenReturnsItWith200InBothPathForms() {
        TestUser ivan = server.register("ivan");
        TestUser judy = server.register("judy");

        var created = ivan.api().post("/api/v1/chats/", Map.of("user_id", judy.id()));
        long chatId = created.json().path("id").asLong();
        String room = emptyPrivateRoom(chatId, created.json().path("uuid").asText(), ivan, judy);
        var again = ivan.api().post("/api/v1/chats/", Map.of("user_id", judy.id()));
        var withoutSlash = ivan.api().post("/api/v1/chats", Map.of("user_id", judy.uuid()));
        var fromJudy = judy.api().post("/api/v1/chats", Map.of("user_id", ivan.id()));
        var seed002 = ivan.api().postEmpty("/api/v1/chat/" + judy.id());

        assertJson(201, room, created);
        assertJson(200, room, again);
        assertJson(200, room, withoutSlash);
        assertJson(200, emptyPrivateRoom(chatId, created.json().path("uuid").asText(), judy, ivan), fromJudy);
        assertJson(200, "{\"status\": \"ok\", \"chat\": " + room + "}", seed002);
        assertEquals(List.of(chatId), roomIds(ivan));
    }

    @Test
    void seed001CreatesTheRoomWithoutTheTrailingSlashToo() {
        TestUser kate = server.register("kate");
        TestUser leo = server.register("leo");

        var created = kate.api().post("/api/v1/chats", Map.of("user_id", leo.id()));
        var again = leo.api().post("/api/v1/chats/", Map.of("user_id", kate.id()));

        assertEquals(201, created.status(), created.toString());
        assertEquals(privateRoomName(kate, leo), created.json().get("room_name").asText());
        assertEquals(200, again.status(), again.toString());
        assertEquals(created.json().get("id"), again.json().get("id"));
    }

    @Test
    void seed001RefusesAMissingWrongOrUnusableUserIdAndCreatesNothing() {
        TestUser mike = server.register("mike");
        List<Object> badBodies = List.of(
                Map.of(),
                Map.of("user_id", "abc"),
                Map.of("user_id", 0),
                Map.of("user_id", -3),
                Map.of("user_id", 1.5),
                Map.of("user_id", true),
                Map.of("user_id", List.of(1)),
                Map.of("user_id", mike.id()),
                Map.of("user_id", mike.uuid()),
                Map.of("user_id", 999999),
                Map.of("user_id", UUID.randomUUID().toString()),
                body(null));

        for (String path : List.of("/api/v1/chats/", "/api/v1/chats")) {
            for (Object body : badBodies) {
                assertError(mike.api().post(path, body), 400, "invalid_input", "user_id");
            }
            assertError(mike.api().postEmpty(path), 400, "invalid_input", "user_id");
            assertError(mike.api().postRaw(path, "application/json", "{\"user_id\": "), 400, "bad_request", null);
        }

        assertJson(200, "{\"rooms\": []}", mike.api().get("/api/v1/chats"));
    }

    @Test
    void seed001RoomCreationNeedsATokenInBothPathForms() {
        TestUser nina = server.register("nina");

        assertError(server.anonymous().post("/api/v1/chats/", Map.of("user_id", nina.id())), 401, "unauthorized", null);
        assertError(server.anonymous().post("/api/v1/chats", Map.of("user_id", nina.id())), 401, "unauthorized", null);

        assertJson(200, "{\"rooms\": []}", nina.api().get("/api/v1/chats"));
    }

    // --- DELETE /api/v1/chats/{id}/ (seed 001) ----------------------------------------------------

    @Test
    void eitherMemberMayDeleteAPrivateChatAndItsMessagesGoWithIt() {
        TestUser oscar = server.register("oscar");
        TestUser pam = server.register("pam");
        long chatId = privateChat(oscar, pam);
        long messageId = send(oscar, chatId, "soon gone").get("id").asLong();

        var deleted = pam.api().delete("/api/v1/chats/" + chatId + "/");

        assertJson(200, "{\"status\": \"ok\"}", deleted);
        assertError(oscar.api().get("/api/v1/chat/" + chatId + "/info"), 404, "chat_not_found", null);
        assertError(pam.api().get("/api/v1/chat/" + chatId + "/info"), 404, "chat_not_found", null);
        assertEquals(List.of(), roomIds(oscar));
        assertEquals(List.of(), roomIds(pam));
        assertTrue(server.bean(MessageRepository.class).findById(messageId).isEmpty());
        long reopened = privateChat(oscar, pam);
        assertNotEquals(chatId, reopened);
        assertJson(
                200,
                "{\"results\": [], \"next\": null, \"previous\": null}",
                oscar.api().get("/api/v1/chats/" + reopened + "/messages/"));
    }

    @Test
    void aPrivateChatIsDeletedWithoutTheTrailingSlashAndByRoomNameToo() {
        TestUser quinn = server.register("quinn");
        TestUser rose = server.register("rose");
        TestUser sam = server.register("sam");
        long withQuinn = privateChat(rose, quinn);
        long withSam = privateChat(rose, sam);

        assertJson(200, "{\"status\": \"ok\"}", quinn.api().delete("/api/v1/chats/" + withQuinn));
        assertJson(200, "{\"status\": \"ok\"}", rose.api().delete("/api/v1/chats/" + privateRoomName(rose, sam) + "/"));

        assertEquals(List.of(), roomIds(rose));
        assertError(sam.api().get("/api/v1/chat/" + withSam + "/info"), 404, "chat_not_found", null);
    }

    @Test
    void someoneOutsideAPrivateChatCannotDeleteItAndItStaysWhole() {
        TestUser tom = server.register("tom");
        TestUser uma = server.register("uma");
        TestUser mallory = server.register("mallory");
        long chatId = privateChat(tom, uma);
        JsonNode message = send(tom, chatId, "still here");
        JsonNode before = rooms(uma);

        assertError(mallory.api().delete("/api/v1/chats/" + chatId + "/"), 403, "not_a_member", null);
        assertError(mallory.api().delete("/api/v1/chats/" + chatId), 403, "not_a_member", null);
        assertError(
                mallory.api().delete("/api/v1/chats/" + privateRoomName(tom, uma) + "/"), 403, "not_a_member", null);

        assertEquals(before, rooms(uma));
        var history = uma.api().get("/api/v1/chats/" + chatId + "/messages/");
        assertEquals(List.of(message.get("id").asLong()), ids(history.json().get("results")));
    }

    @Test
    void deletingAnUnknownChatIsNotFoundAndABadIdIsABadRequest() {
        TestUser user = server.register("deleter");

        assertError(user.api().delete("/api/v1/chats/999999/"), 404, "chat_not_found", null);
        assertError(user.api().delete("/api/v1/chats/" + UUID.randomUUID()), 404, "chat_not_found", null);
        assertError(user.api().delete("/api/v1/chats/private_999998_999999/"), 404, "chat_not_found", null);
        assertError(user.api().delete("/api/v1/chats/abc/"), 400, "invalid_input", "chat_id");
        assertError(user.api().delete("/api/v1/chats/abc"), 400, "invalid_input", "chat_id");
    }

    @Test
    void deletingAChatNeedsATokenInBothPathFormsAndLeavesItAlone() {
        TestUser vic = server.register("vic");
        TestUser wes = server.register("wes");
        long chatId = privateChat(vic, wes);

        assertError(server.anonymous().delete("/api/v1/chats/" + chatId + "/"), 401, "unauthorized", null);
        assertError(server.anonymous().delete("/api/v1/chats/" + chatId), 401, "unauthorized", null);

        assertEquals(List.of(chatId), roomIds(vic));
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static Map<String, Object> body(Object userId) {
        Map<String, Object> body = new HashMap<>();
        body.put("user_id", userId);
        return body;
    }
}
