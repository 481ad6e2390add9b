package app.parley.server.invites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Set-up and read-back of groups and invites over the public API, shared by the invite tests. */
final class Invites {
    private Invites() {}

    /** A group's id and uuid, as its creation answered. */
    record Group(long id, String uuid) {}

    /** A group created by {@code owner} with the other users as members; fails the test unless it is created. */
    static Group group(TestUser owner, String name, TestUser... members) {
        List<Map<String, Object>> users = Arrays.stream(members)
                .map(u -> Map.<String, Object>of("id", u.id()))
                .toList();
        ApiClient.Response response = owner.api().post("/api/v1/group", Map.of("name", name, "users", users));
        assertEquals(200, response.status(), response.toString());
        JsonNode group = response.json().get("group");
        return new Group(group.get("id").asLong(), group.get("uuid").asText());
    }

    /** A new invite to a group, made by {@code maker} with the given options; fails the test unless it is created. */
    static JsonNode invite(TestUser maker, long chatId, Map<String, ?> options) {
        ApiClient.Response response = maker.api().post("/api/v1/chats/" + chatId + "/invites", options);
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    static JsonNode invite(TestUser maker, long chatId) {
        return invite(maker, chatId, Map.of());
    }

    static ApiClient.Response accept(TestUser user, JsonNode invite) {
        return user.api().postEmpty("/api/v1/invites/" + invite.get("token").asText() + "/accept");
    }

    /** The invite as its maker now sees it in their own list. */
    static JsonNode reload(TestUser maker, JsonNode invite) {
        ApiClient.Response response = maker.api().get("/api/v1/invites");
        assertEquals(200, response.status(), response.toString());
        for (JsonNode listed : response.json().get("invites")) {
            if (listed.get("id").asLong() == invite.get("id").asLong()) {
                return listed;
            }
        }
        throw new AssertionError("invite " + invite.get("id") + " is not in its maker's list: " + response);
    }

    /** Ids of the members of a group, as a member sees them, in the order they joined. */
    static List<Long> memberIds(TestUser viewer, long groupId) {
        ApiClient.Response response = viewer.api().get("/api/v1/group/" + groupId + "/users");
        assertEquals(200, response.status(), response.toString());
        List<Long> ids = new ArrayList<>();
        response.json().get("users").forEach(user -> ids.add(user.get("id").asLong()));
        return ids;
    }

    static List<Long> ids(TestUser... users) {
        return Arrays.stream(users).map(TestUser::id).toList();
    }
}
