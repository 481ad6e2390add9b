package app.parley.server.chats;

import static app.parley.server.chats.ChatApi.group;
import static app.parley.server.chats.ChatApi.privateChat;
import static app.parley.server.chats.ChatApi.privateRoomName;
import static app.parley.server.chats.ChatApi.roomIds;
import static app.parley.server.chats.ChatApi.send;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static app.parley.server.support.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatListApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final List<String> BOTH_FORMS = List.of("/api/v1/chats", "/api/v1/chats/");

    @Test
    void aNewUserHasNoChatsInEitherPathForm() {
        TestUser newbie = server.register("newbie");

        for (String path : BOTH_FORMS) {
            assertJson(200, "{\"rooms\": []}", newbie.api().get(path));
        }
    }

    @Test
    void eachChatIsListedWithItsLastMessageAndTheCallersOwnUnreadCount() {
        TestUser ann = server.register("ann");
        TestUser ben = server.register("ben");
        TestUser cat = server.register("cat");
        long privateId = privateChat(ann, ben);
        long groupId = group(ann, "Trip", ben, cat);
        send(ben, privateId, "are you there?");
        JsonNode lastPrivate = send(ben, privateId, "hello?");
        JsonNode lastGroup = send(ann, groupId, "Tickets are booked");
        String privateUuid = ann.api()
                .get("/api/v1/chat/" + privateId + "/info")
                .json()
                .get("uuid")
                .asText();
        String groupUuid = ann.api()
                .get("/api/v1/group/" + groupId + "/info")
                .json()
                .get("uuid")
                .asText();

        String groupRoom = """
            {"id": %d, "uuid": "%s", "name": "Trip", "type": "group", "room_name": "group_%d", "other_user": null,
             "last_message": %s, "unread_count": %%d}\
            """.formatted(groupId, groupUuid, groupId, lastGroup);
        String privateRoom = """
            {"id": %d, "uuid": "%s", "name": "%%s", "type": "private", "room_name": "%s",
             "other_user": %%s, "last_message": %s, "unread_count": %%d}\
            """.formatted(privateId, privateUuid, privateRoomName(ann, ben), lastPrivate);
        for (String path : BOTH_FORMS) {
            assertJson(
                    200,
                    "{\"rooms\": [" + groupRoom.formatted(0) + ", " + privateRoom.formatted(ben.username(), ref(ben), 2)
                            + "]}",
                    ann.api().get(path));
            assertJson(
                    200,
                    "{\"rooms\": [" + groupRoom.formatted(1) + ", " + privateRoom.formatted(ann.username(), ref(ann), 0)
                            + "]}",
                    ben.api().get(path));
            assertJson(
                    200,
                    "{\"rooms\": [" + groupRoom.formatted(1) + "]}",
                    cat.api().get(path));
        }
    }

    @Test
    void theLastMessageIsTheNewestOneWithItsAuthor() {
        TestUser dot = server.register("dot");
        TestUser eli = server.register("eli");
        long chatId = privateChat(dot, eli);
        send(dot, chatId, "first");
        JsonNode newest = send(eli, chatId, "second, and newest");

        JsonNode room = ChatApi.rooms(dot).get(0);

        assertEquals(newest, room.get("last_message"));
        assertEquals(
                json("""
                    {"id": %d, "uuid": "%s", "chat_id": %d, "type": "message", "text": "second, and newest",
                     "author": %s, "time": "%s"}\
                    """.formatted(
                                newest.get("id").asLong(),
                                newest.get("uuid").asText(),
                                chatId,
                                ref(eli),
                                newest.get("time").asText())),
                room.get("last_message"));
    }

    @Test
    void theMostRecentlyActiveChatComesFirst() {
        TestUser fred = server.register("fred");
        TestUser gil = server.register("gil");
        TestUser hal = server.register("hal");
        long withGil = privateChat(fred, gil);
        long withHal = privateChat(fred, hal);
        long club = group(fred, "Club", gil, hal);
        assertEquals(List.of(club, withHal, withGil), roomIds(fred));

        send(gil, withGil, "ping");
        assertEquals(List.of(withGil, club, withHal), roomIds(fred));

        send(fred, withHal, "pong");
        assertEquals(List.of(withHal, withGil, club), roomIds(fred));
        assertEquals(List.of(withGil, club), roomIds(gil));
        assertEquals(List.of(withHal, club), roomIds(hal));
    }

    @Test
    void theListIsPagedByLimitAndOffsetInBothPathForms() {
        TestUser ivy = server.register("ivy");
        long oldest = group(ivy, "A");
        long middle = group(ivy, "B");
        long newest = group(ivy, "C");

        for (String path : BOTH_FORMS) {
            assertEquals(List.of(newest, middle), ids(ivy.api().get(path + "?limit=2")));
            assertEquals(List.of(middle, oldest), ids(ivy.api().get(path + "?offset=1")));
            assertEquals(List.of(middle), ids(ivy.api().get(path + "?limit=1&offset=1")));
            assertEquals(List.of(newest, middle, oldest), ids(ivy.api().get(path + "?limit=200&offset=0")));
            assertJson(200, "{\"rooms\": []}", ivy.api().get(path + "?offset=3"));
        }
    }

    @Test
    void badPagingIsABadRequestNamingTheParameterInBothPathForms() {
        TestUser jay = server.register("jay");
        group(jay, "Only one");

        for (String path : BOTH_FORMS) {
            assertError(jay.api().get(path + "?limit=0"), 400, "invalid_input", "limit");
            assertError(jay.api().get(path + "?limit=-1"), 400, "invalid_input", "limit");
            assertError(jay.api().get(path + "?limit=201"), 400, "invalid_input", "limit");
            assertError(jay.api().get(path + "?offset=-1"), 400, "invalid_input", "offset");
            assertError(jay.api().get(path + "?limit=abc"), 400, "bad_request", "limit");
            assertError(jay.api().get(path + "?limit=1.5"), 400, "bad_request", "limit");
            assertError(jay.api().get(path + "?offset=abc"), 400, "bad_request", "offset");
        }
    }

    @Test
    void aChatIsListedOnlyForItsMembers() {
        TestUser kai = server.register("kai");
        TestUser lea = server.register("lea");
        TestUser outsider = server.register("outsider");
        privateChat(kai, lea);
        group(kai, "Members only", lea);

        assertJson(200, "{\"rooms\": []}", outsider.api().get("/api/v1/chats"));
    }

    @Test
    void theChatListNeedsATokenInBothPathForms() {
        for (String path : BOTH_FORMS) {
            assertError(server.anonymous().get(path), 401, "unauthorized", null);
            assertError(server.anonymous().get(path + "?limit=1"), 401, "unauthorized", null);
        }
    }

    private static List<Long> ids(ApiClient.Response response) {
        assertEquals(200, response.status(), response.toString());
        List<Long> ids = new ArrayList<>();
        response.json().get("rooms").forEach(room -> ids.add(room.get("id").asLong()));
        return ids;
    }

    private static String ref(TestUser user) {
        return "{\"id\": %d, \"name\": \"%s\", \"username\": \"%s\"}"
                .formatted(user.id(), user.username(), user.username());
    }
}
