package app.parley.server.files;

import static app.parley.server.files.FileFixtures.incoming;
import static app.parley.server.files.FileFixtures.randomBytes;
import static app.parley.server.files.FileFixtures.storedContent;
import static app.parley.server.files.FileFixtures.upload;
import static app.parley.server.files.FileFixtures.uploaded;
import static app.parley.server.files.FileFixtures.usedBytes;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code parley.files.user-quota}: the total one user may upload, each user on their own. */
class FileQuotaApiTest {
    private static final int QUOTA = 100 * 1024;

    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.files.user-quota", "100KB");

    @Test
    void theStorageEndpointShowsTheQuota() {
        TestUser alice = server.register("alice");

        uploaded(alice, group(alice), "a.bin", "application/octet-stream", randomBytes(1000, 1));

        assertJson(
                200,
                "{\"used_bytes\": 1000, \"quota_bytes\": " + QUOTA + ", \"max_file_bytes\": 104857600}",
                alice.api().get("/api/v1/storage"));
    }

    @Test
    void anUploadThatWouldPassTheQuotaIsRefusedAndLeavesNothingBehind() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        long firstId = uploaded(alice, chat, "first.bin", "application/octet-stream", randomBytes(60 * 1024, 2))
                .get("id")
                .asLong();
        Set<String> storedBefore = storedContent(server);

        ApiClient.Response refused =
                upload(alice, chat, "second.bin", "application/octet-stream", randomBytes(60 * 1024, 3));

        assertError(refused, 413, "storage_quota_exceeded", null);
        assertEquals(60 * 1024, usedBytes(alice));
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
        long nextId = uploaded(alice, chat, "fits.bin", "application/octet-stream", randomBytes(40 * 1024, 4))
                .get("id")
                .asLong();
        assertEquals(firstId + 1, nextId, "the refused upload added no row");
    }

    @Test
    void theQuotaMayBeFilledExactlyAndThenNothingMoreFits() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        uploaded(alice, chat, "a.bin", "application/octet-stream", randomBytes(QUOTA - 1, 5));
        uploaded(alice, chat, "b.bin", "application/octet-stream", randomBytes(1, 6));

        assertEquals(QUOTA, usedBytes(alice));
        assertError(
                upload(alice, chat, "c.bin", "application/octet-stream", randomBytes(1, 7)),
                413,
                "storage_quota_exceeded",
                null);
        assertEquals(QUOTA, usedBytes(alice));
        assertEquals(List.of(), incoming(server));
    }

    @Test
    void aUserAtTheQuotaIsAnsweredEvenWhenTheRefusedFileIsLarge() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        uploaded(alice, chat, "full.bin", "application/octet-stream", randomBytes(QUOTA, 12));
        Set<String> storedBefore = storedContent(server);

        // Refused before a byte of the file is read; a client that sends the whole body first must still get the
        // answer.
        ApiClient.Response refused = assertDoesNotThrow(
                () -> upload(alice, chat, "large.bin", "application/octet-stream", randomBytes(8 * 1024 * 1024, 13)),
                "the refusal must reach a client that sends the whole body first");

        assertError(refused, 413, "storage_quota_exceeded", null);
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
    }

    @Test
    void eachUserHasTheirOwnQuota() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        uploaded(alice, chat, "full.bin", "application/octet-stream", randomBytes(QUOTA, 8));
        assertError(
                upload(alice, chat, "more.bin", "application/octet-stream", randomBytes(10, 9)),
                413,
                "storage_quota_exceeded",
                null);

        ApiClient.Response bobs = upload(bob, chat, "bobs.bin", "application/octet-stream", randomBytes(90 * 1024, 10));

        assertEquals(201, bobs.status(), bobs.toString());
        assertEquals(90 * 1024, usedBytes(bob));
        assertEquals(QUOTA, usedBytes(alice));
    }

    @Test
    void thumbnailsOfImagesDoNotCountAgainstTheQuota() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        byte[] jpeg = TestImages.image(400, 300, 11, "jpeg");

        JsonNode image = uploaded(alice, chat, "pic.jpg", "image/jpeg", jpeg);

        assertTrue(image.has("thumbnail_url"), image.toString());
        assertEquals(jpeg.length, usedBytes(alice));
    }
}
