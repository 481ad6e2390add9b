package app.parley.server.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.ApiClient.Response;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bytes on disk go when the last row that refers to them goes, and not before. */
class StoredContentCleanupTest {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void deletingAGroupDeletesTheBytesOfItsFilesThumbnailsAndPhoto() throws IOException {
        TestUser owner = server.register("cleaner");
        var created = owner.api()
                .multipart(
                        "/api/v1/group",
                        List.of(
                                Part.field("json", "{\"name\": \"Short-lived\"}"),
                                Part.file("photo", "cover.png", "image/png", TestImages.png(21))));
        long group = created.json().path("group").path("id").asLong();
        List<Path> before = storedContent();
        upload(owner, group, "notes.txt", "only in this group".getBytes(StandardCharsets.UTF_8));
        upload(owner, group, "picture.jpg", TestImages.image(400, 300, 5, "jpeg"));
        assertEquals(before.size() + 3, storedContent().size(), "two uploads and one thumbnail");

        assertEquals(200, owner.api().delete("/api/v1/group/" + group).status());

        List<Path> after = storedContent();
        assertEquals(before.size() - 1, after.size(), "the group's files and its photo are gone: " + after);
    }

    @Test
    void bytesSharedWithAnotherChatStayWhenOneChatIsDeleted() throws IOException {
        TestUser owner = server.register("sharer");
        long doomed = group(owner, "Doomed");
        long kept = group(owner, "Kept");
        byte[] shared = "the same bytes in two chats".getBytes(StandardCharsets.UTF_8);
        upload(owner, doomed, "a.txt", shared);
        long keptFile = upload(owner, kept, "b.txt", shared);

        assertEquals(200, owner.api().delete("/api/v1/group/" + doomed).status());

        Response download = owner.api().get("/api/v1/files/" + keptFile);
        assertEquals(200, download.status(), download.toString());
        assertArrayEquals(shared, download.bytes());
    }

    @Test
    void aReplacedProfilePhotoLeavesNoBytesBehind() throws IOException {
        TestUser user = server.register("rephoto");
        setPhoto(user, TestImages.png(31));
        List<Path> withFirst = storedContent();

        setPhoto(user, TestImages.png(32));

        assertEquals(withFirst.size(), storedContent().size(), "the new photo replaced the old one on disk");
        TestImages.assertSamePixels(
                TestImages.png(32),
                user.api().get("/api/v1/user/" + user.id() + "/photo").bytes());
    }

    private static void setPhoto(TestUser user, byte[] png) {
        Response saved = user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(Part.field("json", "{}"), Part.file("photo", "me.png", "image/png", png)));
        assertEquals(200, saved.status(), saved.toString());
    }

    private static long group(TestUser owner, String name) {
        return owner.api()
                .post("/api/v1/group", Map.of("name", name))
                .json()
                .path("group")
                .path("id")
                .asLong();
    }

    private static long upload(TestUser user, long chat, String name, byte[] content) {
        Response uploaded = user.api()
                .multipart(
                        "/api/v1/chats/" + chat + "/files",
                        List.of(Part.file("file", name, "application/octet-stream", content)));
        assertEquals(201, uploaded.status(), uploaded.toString());
        return uploaded.json().path("id").asLong();
    }

    /** Every content file under the data dir's files/ (not the incoming area). */
    private static List<Path> storedContent() throws IOException {
        Path files = server.dataDir().resolve("files");
        try (Stream<Path> all = Files.walk(files)) {
            return all.filter(Files::isRegularFile)
                    .filter(path -> !path.getParent().getFileName().toString().equals("incoming"))
                    .sorted()
                    .toList();
        }
    }
}
