package app.parley.server.files;

import static app.parley.server.files.FileFixtures.get;
import static app.parley.server.files.FileFixtures.header;
import static app.parley.server.files.FileFixtures.sha256;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Profile and group photos are scaled to fit {@code parley.files.photo-max-dimension} (512) and re-encoded. */
class PhotoApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static ApiClient.Response savePhoto(TestUser user, String name, String contentType, byte[] bytes) {
        return user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(Part.field("json", "{}"), Part.file("photo", name, contentType, bytes)));
    }

    private static String photoPath(TestUser user) {
        return "/api/v1/user/" + user.id() + "/photo";
    }

    @Test
    void aLargeJpegPhotoIsScaledDownToFitAndServedWithAnEtag() {
        TestUser user = server.register("big");
        TestUser viewer = server.register("viewer");
        byte[] jpeg = TestImages.image(1500, 1000, 1, "jpeg");

        assertJson(200, "{\"status\": \"ok\"}", savePhoto(user, "me.jpg", "image/jpeg", jpeg));

        ApiClient.Response photo = viewer.api().get(photoPath(user));
        assertEquals(200, photo.status(), photo.toString());
        assertEquals("image/jpeg", header(photo, "content-type"));
        BufferedImage image = TestImages.decode(photo.bytes());
        assertEquals(512, image.getWidth());
        assertTrue(Math.abs(image.getHeight() - 341) <= 1, "height " + image.getHeight());
        assertTrue(photo.bytes().length < jpeg.length, "the stored photo is the scaled copy");
        String etag = "\"" + sha256(photo.bytes()) + "\"";
        assertEquals(etag, header(photo, "etag"));
        ApiClient.Response again = get(viewer, photoPath(user), "If-None-Match", etag);
        assertEquals(304, again.status(), again.toString());
        assertEquals(0, again.bytes().length);
    }

    @Test
    void aTallPngPhotoFitsByItsHeightAndStaysAPng() {
        TestUser user = server.register("tall");

        assertJson(
                200,
                "{\"status\": \"ok\"}",
                savePhoto(user, "tall.png", "image/png", TestImages.image(600, 2000, 2, "png")));

        ApiClient.Response photo = user.api().get(photoPath(user));
        assertEquals("image/png", header(photo, "content-type"));
        BufferedImage image = TestImages.decode(photo.bytes());
        assertEquals(512, image.getHeight());
        assertTrue(Math.abs(image.getWidth() - 154) <= 1, "width " + image.getWidth());
    }

    @Test
    void aSmallPhotoIsNotEnlarged() {
        TestUser user = server.register("small");
        byte[] png = TestImages.image(100, 80, 3, "png");

        assertJson(200, "{\"status\": \"ok\"}", savePhoto(user, "small.png", "image/png", png));

        TestImages.assertSamePixels(png, user.api().get(photoPath(user)).bytes());
    }

    @Test
    void aPhotoOfExactlyTheLimitKeepsItsSize() {
        TestUser user = server.register("exact");

        assertJson(
                200,
                "{\"status\": \"ok\"}",
                savePhoto(user, "exact.jpg", "image/jpeg", TestImages.image(512, 300, 4, "jpeg")));

        BufferedImage image = TestImages.decode(user.api().get(photoPath(user)).bytes());
        assertEquals(512, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void aPhotoThatIsNotAnImageIsRefusedWhateverItsNameAndTheOldPhotoStays() {
        TestUser user = server.register("fake");
        byte[] first = TestImages.png(5);
        assertJson(200, "{\"status\": \"ok\"}", savePhoto(user, "first.png", "image/png", first));

        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertError(savePhoto(user, "photo.jpg", "image/jpeg", html), 400, "invalid_input", "photo");
        assertError(
                savePhoto(user, "photo.png", "image/png", FileFixtures.randomBytes(2048, 6)),
                400,
                "invalid_input",
                "photo");

        TestImages.assertSamePixels(first, user.api().get(photoPath(user)).bytes());
    }

    @Test
    void aGroupPhotoIsScaledDownToFitToo() {
        TestUser owner = server.register("owner");
        byte[] jpeg = TestImages.image(2000, 1000, 7, "jpeg");

        ApiClient.Response created = owner.api()
                .multipart(
                        "/api/v1/group",
                        List.of(
                                Part.field("json", "{\"name\": \"With photo\", \"users\": []}"),
                                Part.file("photo", "group.jpg", "image/jpeg", jpeg)));

        assertEquals(200, created.status(), created.toString());
        long groupId = created.json().get("group").get("id").asLong();
        ApiClient.Response photo = owner.api().get("/api/v1/group/" + groupId + "/photo");
        assertEquals(200, photo.status(), photo.toString());
        BufferedImage image = TestImages.decode(photo.bytes());
        assertEquals(512, image.getWidth());
        assertEquals(256, image.getHeight());
        assertArrayEquals(
                photo.bytes(), get(owner, "/api/v1/group/" + groupId + "/photo").bytes());
    }
}
