package app.parley.server.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Set-up and read-back of chats over the public API, so tests say what they check rather than how. */
final class ChatApi {
    private ChatApi() {}

    /** Seed 002's private chat of two users; fails the test unless the server answers 200. */
    static long privateChat(TestUser a, TestUser b) {
        ApiClient.Response response = a.api().postEmpty("/api/v1/chat/" + b.id());
        assertEquals(200, response.status(), response.toString());
        return response.json().get("chat").get("id").asLong();
    }

    /** A group created over JSON by {@code owner} with the other users as members. */
    static long group(TestUser owner, String name, TestUser... members) {
        ApiClient.Response response =
                owner.api().post("/api/v1/group", Map.of("name", name, "description", "", "users", refs(members)));
        assertEquals(200, response.status(), response.toString());
        return response.json().get("group").get("id").asLong();
    }

    /** Seed 002's {@code users} list: {@code [{"id": 1, "name": "..."}]}. */
    static List<Map<String, Object>> refs(TestUser... users) {
        return Arrays.stream(users)
                .map(u -> Map.<String, Object>of("id", u.id(), "name", u.username()))
                .toList();
    }

    /** Sends a message through seed 001's endpoint and returns it as the server answered. */
    static JsonNode send(TestUser author, long chatId, String text) {
        ApiClient.Response response = author.api().post("/api/v1/chats/" + chatId + "/messages/", Map.of("text", text));
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    /** The caller's whole chat list ({@code rooms}). */
    static JsonNode rooms(TestUser user) {
        ApiClient.Response response = user.api().get("/api/v1/chats");
        assertEquals(200, response.status(), response.toString());
        return response.json().get("rooms");
    }

    /** Ids of the caller's chats, in list order. */
    static List<Long> roomIds(TestUser user) {
        List<Long> ids = new ArrayList<>();
        rooms(user).forEach(room -> ids.add(room.get("id").asLong()));
        return ids;
    }

    /** Ids of the members of a group, as its owner (or any member) sees them. */
    static List<Long> memberIds(TestUser viewer, long groupId) {
        ApiClient.Response response = viewer.api().get("/api/v1/group/" + groupId + "/users");
        assertEquals(200, response.status(), response.toString());
        List<Long> ids = new ArrayList<>();
        response.json().get("users").forEach(user -> ids.add(user.get("id").asLong()));
        return ids;
    }

    /** Seed 001's room name of a private chat: the two user ids, lower first. */
    static String privateRoomName(TestUser a, TestUser b) {
        return "private_" + Math.min(a.id(), b.id()) + "_" + Math.max(a.id(), b.id());
    }

    /** A private chat room as {@code viewer} sees it in the list, with nothing sent yet. */
    static String emptyPrivateRoom(long chatId, String uuid, TestUser viewer, TestUser other) {
        return """
            {"id": %d, "uuid": "%s", "name": "%s", "type": "private", "room_name": "%s",
             "other_user": {"id": %d, "name": "%s", "username": "%s"}, "last_message": null, "unread_count": 0}\
            """.formatted(
                        chatId,
                        uuid,
                        other.username(),
                        privateRoomName(viewer, other),
                        other.id(),
                        other.username(),
                        other.username());
    }
}
