package app.parley.server.chats;

import static app.parley.server.chats.ChatApi.group;
import static app.parley.server.chats.ChatApi.privateChat;
import static app.parley.server.support.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The owner renames a group, changes its description and photo; nobody else can, and bad input changes nothing. */
class GroupSettingsApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static JsonNode info(TestUser viewer, long groupId) {
        ApiClient.Response response = viewer.api().get("/api/v1/group/" + groupId + "/info");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static ApiClient.Response putPhoto(TestUser user, long groupId, byte[] image) {
        return user.api()
                .multipart(
                        "PUT",
                        "/api/v1/group/" + groupId + "/photo",
                        List.of(Part.file("photo", "face.png", "image/png", image)));
    }

    // --- PATCH /api/v1/group/{id} -------------------------------------------------------------------

    @Test
    void theOwnerRenamesTheGroupAndChangesItsDescriptionAndTheMembersSeeIt() {
        TestUser owner = server.register("renamer");
        TestUser member = server.register("reader");
        long groupId = group(owner, "Old name", member);

        ApiClient.Response renamed = owner.api()
                .patch("/api/v1/group/" + groupId, Map.of("name", "  Книжный клуб ", "description", "Читаем вместе"));

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Книжный клуб", renamed.json().get("name").asText());
        assertEquals("Книжный клуб", info(member, groupId).get("name").asText());
        assertEquals("Читаем вместе", info(member, groupId).get("description").asText());
        assertEquals("Книжный клуб", ChatApi.rooms(member).get(0).get("name").asText());
    }

    @Test
    void aFieldLeftOutStaysAsItWas() {
        TestUser owner = server.register("partial");
        long groupId = group(owner, "Keeps its name");

        ApiClient.Response described =
                owner.api().patch("/api/v1/group/" + groupId, Map.of("description", "only this changes"));

        assertEquals(200, described.status(), described.toString());
        assertEquals("Keeps its name", info(owner, groupId).get("name").asText());
        assertEquals(
                "only this changes", info(owner, groupId).get("description").asText());
    }

    @Test
    void badDetailsAreRefusedAndNothingChanges() {
        TestUser owner = server.register("strictrenamer");
        long groupId = group(owner, "Steady");
        long privateChatId = privateChat(owner, server.register("someone"));
        String path = "/api/v1/group/" + groupId;
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);

        assertError(owner.api().patch(path, Map.of("name", "   ")), 400, "invalid_input", "name");
        assertError(owner.api().patch(path, Map.of("name", "x".repeat(101))), 400, "invalid_input", "name");
        assertError(owner.api().patch(path, Map.of("name", "bad\u202Ename")), 400, "invalid_input", "name");
        assertError(
                owner.api().patch(path, Map.of("name", "Fine", "description", "d".repeat(1001))),
                400,
                "invalid_input",
                "description");
        assertError(owner.api().patch(path, Map.of()), 400, "invalid_input", "name");
        assertError(owner.api().patch(path, nullName), 400, "invalid_input", "name");
        assertError(owner.api().patch(path, Map.of("name", 5)), 400, "bad_request", "name");
        assertError(
                owner.api().patch("/api/v1/group/" + privateChatId, Map.of("name", "No")),
                404,
                "group_not_found",
                null);
        assertError(owner.api().patch("/api/v1/group/999999", Map.of("name", "No")), 404, "group_not_found", null);

        assertEquals("Steady", info(owner, groupId).get("name").asText());
        assertEquals("", info(owner, groupId).get("description").asText());
    }

    @Test
    void onlyTheOwnerChangesTheDetails() {
        TestUser owner = server.register("keeper");
        TestUser member = server.register("wannabe");
        TestUser outsider = server.register("stranger");
        long groupId = group(owner, "Mine", member);

        assertError(member.api().patch("/api/v1/group/" + groupId, Map.of("name", "Ours")), 403, "not_the_owner", null);
        assertError(
                outsider.api().patch("/api/v1/group/" + groupId, Map.of("name", "Theirs")), 403, "not_the_owner", null);
        assertError(
                server.anonymous().patch("/api/v1/group/" + groupId, Map.of("name", "Nobody's")),
                401,
                "unauthorized",
                null);

        assertEquals("Mine", info(owner, groupId).get("name").asText());
    }

    // --- PUT / DELETE /api/v1/group/{id}/photo ------------------------------------------------------

    @Test
    void theOwnerSetsReplacesAndRemovesThePhoto() {
        TestUser owner = server.register("photographer");
        TestUser member = server.register("viewer");
        long groupId = group(owner, "Pictures", member);
        String photoPath = "/api/v1/group/" + groupId + "/photo";

        ApiClient.Response set = putPhoto(owner, groupId, TestImages.image(900, 300, 1, "png"));
        assertEquals(200, set.status(), set.toString());
        assertEquals(photoPath, set.json().get("photo_url").asText());
        ApiClient.Response first = member.api().get(photoPath);
        assertEquals(200, first.status());
        // Scaled to fit 512 px, as at creation.
        assertEquals(512, TestImages.decode(first.bytes()).getWidth());

        assertEquals(
                200,
                putPhoto(owner, groupId, TestImages.image(40, 40, 2, "png")).status());
        ApiClient.Response second = member.api().get(photoPath);
        assertEquals(40, TestImages.decode(second.bytes()).getWidth());

        ApiClient.Response removed = owner.api().delete(photoPath);
        assertEquals(200, removed.status(), removed.toString());
        assertTrue(removed.json().get("photo_url").isNull(), removed.toString());
        assertError(member.api().get(photoPath), 404, "photo_not_found", null);
        assertEquals(200, owner.api().delete(photoPath).status(), "removing no photo again is fine");
    }

    @Test
    void aBadPhotoIsRefusedAndTheOldOneStays() {
        TestUser owner = server.register("carefulphoto");
        long groupId = group(owner, "Kept photo");
        assertEquals(
                200,
                putPhoto(owner, groupId, TestImages.image(30, 30, 3, "png")).status());
        byte[] before = owner.api().get("/api/v1/group/" + groupId + "/photo").bytes();

        assertError(
                putPhoto(owner, groupId, "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                400,
                "invalid_input",
                "photo");
        assertError(
                owner.api().multipart("PUT", "/api/v1/group/" + groupId + "/photo", List.of(Part.field("x", "y"))),
                400,
                "invalid_input",
                "photo");

        TestImages.assertSamePixels(
                before, owner.api().get("/api/v1/group/" + groupId + "/photo").bytes());
    }

    @Test
    void onlyTheOwnerChangesThePhoto() {
        TestUser owner = server.register("photoowner");
        TestUser member = server.register("photomember");
        TestUser outsider = server.register("photooutsider");
        long groupId = group(owner, "Guarded", member);

        assertError(putPhoto(member, groupId, TestImages.png(4)), 403, "not_the_owner", null);
        assertError(putPhoto(outsider, groupId, TestImages.png(4)), 403, "not_the_owner", null);
        assertEquals(200, putPhoto(owner, groupId, TestImages.png(5)).status());
        assertError(member.api().delete("/api/v1/group/" + groupId + "/photo"), 403, "not_the_owner", null);

        assertEquals(
                200, member.api().get("/api/v1/group/" + groupId + "/photo").status());
    }
}
