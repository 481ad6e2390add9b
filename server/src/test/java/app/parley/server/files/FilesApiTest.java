package app.parley.server.files;

import static app.parley.server.files.FileFixtures.contentPath;
import static app.parley.server.files.FileFixtures.filesPath;
import static app.parley.server.files.FileFixtures.get;
import static app.parley.server.files.FileFixtures.header;
import static app.parley.server.files.FileFixtures.incoming;
import static app.parley.server.files.FileFixtures.randomBytes;
import static app.parley.server.files.FileFixtures.sha256;
import static app.parley.server.files.FileFixtures.storedContent;
import static app.parley.server.files.FileFixtures.upload;
import static app.parley.server.files.FileFixtures.uploaded;
import static app.parley.server.files.FileFixtures.usedBytes;
import static app.parley.server.messages.Conversations.group;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static app.parley.server.support.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploading files into chats, downloading them whole or in ranges, thumbnails, and who may do what. */
class FilesApiTest {
    private static final int MAX_FILE = 4 * 1024 * 1024;

    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.files.max-file-size", "4MB");

    private static String expectedInfo(JsonNode file, long chat, String name, long size, String contentType) {
        return """
            {"id": %d, "uuid": "%s", "chat_id": %d, "name": "%s", "size": %d, "content_type": "%s",
             "url": "/api/v1/files/%d", "uploaded_at": "%s"}\
            """.formatted(
                        file.get("id").asLong(),
                        file.get("uuid").asText(),
                        chat,
                        name,
                        size,
                        contentType,
                        file.get("id").asLong(),
                        file.get("uploaded_at").asText());
    }

    private static String fileUrl(JsonNode file) {
        return "/api/v1/files/" + file.get("id").asLong();
    }

    // --- Upload and download -----------------------------------------------------------------

    @Test
    void aMemberUploadsAFileAndAnotherMemberDownloadsTheSameBytes() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        byte[] bytes = randomBytes(3 * 1024 * 1024, 1);
        Instant before = Instant.now().minusSeconds(1);

        ApiClient.Response response = upload(alice, chat, "blob.bin", "application/octet-stream", bytes);

        assertJson(
                201,
                expectedInfo(response.json(), chat, "blob.bin", bytes.length, "application/octet-stream"),
                response);
        JsonNode file = response.json();
        assertEquals(36, file.get("uuid").asText().length());
        Instant uploadedAt = Instant.parse(file.get("uploaded_at").asText());
        assertTrue(!uploadedAt.isBefore(before) && !uploadedAt.isAfter(Instant.now()), uploadedAt::toString);
        ApiClient.Response download = bob.api().get(fileUrl(file));
        assertEquals(200, download.status(), download.toString());
        assertArrayEquals(bytes, download.bytes());
        assertEquals("application/octet-stream", header(download, "content-type"));
        assertEquals(String.valueOf(bytes.length), header(download, "content-length"));
        assertEquals("\"" + sha256(bytes) + "\"", header(download, "etag"));
        assertEquals("bytes", header(download, "accept-ranges"));
        assertEquals("nosniff", header(download, "x-content-type-options"));
        assertTrue(
                header(download, "content-security-policy").startsWith("sandbox"),
                download.headers().toString());
        assertEquals(
                "attachment; filename=\"blob.bin\"; filename*=UTF-8''blob.bin",
                header(download, "content-disposition"));
        assertArrayEquals(bytes, readAll(contentPath(server, bytes)));
        assertEquals(List.of(), incoming(server));
        assertEquals(bytes.length, usedBytes(alice));
        assertEquals(0, usedBytes(bob));
    }

    @Test
    void aFileIsFoundByIdAndByUuidAlike() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        byte[] bytes = "just some notes\n".getBytes(StandardCharsets.UTF_8);
        JsonNode file = uploaded(alice, chat, "notes.txt", "text/plain", bytes);

        ApiClient.Response info = bob.api().get(fileUrl(file) + "/info");
        assertEquals(200, info.status(), info.toString());
        assertJson(
                200,
                info.body(),
                bob.api().get("/api/v1/files/" + file.get("uuid").asText() + "/info"));
        assertEquals(file.get("id"), info.json().get("id"));
        assertEquals("text/plain", info.json().get("content_type").asText());
        ApiClient.Response byUuid =
                bob.api().get("/api/v1/files/" + file.get("uuid").asText());
        assertEquals(200, byUuid.status(), byUuid.toString());
        assertArrayEquals(bytes, byUuid.bytes());
    }

    @Test
    void theInfoOfAFileIsExactlyWhatTheUploadAnswered() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file = uploaded(alice, chat, "notes.txt", "text/plain", "notes".getBytes(StandardCharsets.UTF_8));

        assertJson(200, file.toString(), alice.api().get(fileUrl(file) + "/info"));
    }

    @Test
    void aFileOfExactlyTheSizeLimitIsAccepted() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        byte[] bytes = randomBytes(MAX_FILE, 2);

        JsonNode file = uploaded(alice, chat, "exact.bin", "application/octet-stream", bytes);

        assertEquals(MAX_FILE, file.get("size").asLong());
        assertArrayEquals(bytes, alice.api().get(fileUrl(file)).bytes());
    }

    @Test
    void anEmptyFileIsStoredAndServedEmpty() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file = uploaded(alice, chat, "empty.dat", "application/octet-stream", new byte[0]);

        assertEquals(0, file.get("size").asLong());
        ApiClient.Response download = alice.api().get(fileUrl(file));
        assertEquals(200, download.status(), download.toString());
        assertEquals(0, download.bytes().length);
    }

    @Test
    void theStorageEndpointReportsUseQuotaAndTheFileLimit() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        assertJson(
                200,
                "{\"used_bytes\": 0, \"quota_bytes\": 10737418240, \"max_file_bytes\": " + MAX_FILE + "}",
                alice.api().get("/api/v1/storage"));

        uploaded(alice, chat, "a.bin", "application/octet-stream", randomBytes(1000, 3));
        uploaded(alice, chat, "b.bin", "application/octet-stream", randomBytes(234, 4));

        assertJson(
                200,
                "{\"used_bytes\": 1234, \"quota_bytes\": 10737418240, \"max_file_bytes\": " + MAX_FILE + "}",
                alice.api().get("/api/v1/storage"));
        assertError(server.anonymous().get("/api/v1/storage"), 401, "unauthorized", null);
    }

    // --- Ranges and caching ------------------------------------------------------------------

    @Test
    void aRangeInTheMiddleIsAnsweredWithThoseBytesOnly() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(10_000, 5);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);

        ApiClient.Response part = get(alice, fileUrl(file), "Range", "bytes=100-199");

        assertEquals(206, part.status(), part.toString());
        assertEquals("bytes 100-199/10000", header(part, "content-range"));
        assertEquals("100", header(part, "content-length"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 100, 200), part.bytes());
        assertEquals("\"" + sha256(bytes) + "\"", header(part, "etag"));
        assertEquals("bytes", header(part, "accept-ranges"));
    }

    @Test
    void anOpenEndedRangeRunsToTheEndAndALastByteBeyondTheEndIsCutToIt() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(10_000, 6);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);

        ApiClient.Response openEnded = get(alice, fileUrl(file), "Range", "bytes=9000-");
        ApiClient.Response pastEnd = get(alice, fileUrl(file), "Range", "bytes=9990-20000");
        ApiClient.Response first = get(alice, fileUrl(file), "Range", "bytes=0-0");

        assertEquals(206, openEnded.status(), openEnded.toString());
        assertEquals("bytes 9000-9999/10000", header(openEnded, "content-range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 9000, 10_000), openEnded.bytes());
        assertEquals(206, pastEnd.status(), pastEnd.toString());
        assertEquals("bytes 9990-9999/10000", header(pastEnd, "content-range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 9990, 10_000), pastEnd.bytes());
        assertEquals(206, first.status(), first.toString());
        assertEquals("bytes 0-0/10000", header(first, "content-range"));
        assertArrayEquals(new byte[] {bytes[0]}, first.bytes());
    }

    @Test
    void aLastByteBeyondTheRangeOfALongStillMeansTheEndOfTheFile() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(100_000, 16);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);

        ApiClient.Response tail = get(alice, fileUrl(file), "Range", "bytes=99990-99999999999999999999");
        ApiClient.Response farStart = get(alice, fileUrl(file), "Range", "bytes=99999999999999999999-");

        assertEquals(206, tail.status(), "the whole file was sent instead of its last bytes");
        assertEquals("bytes 99990-99999/100000", header(tail, "content-range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 99_990, 100_000), tail.bytes());
        assertEquals(416, farStart.status(), farStart.toString());
        assertEquals("bytes */100000", header(farStart, "content-range"));
    }

    @Test
    void aSuffixRangeIsTheLastBytesAndALongerSuffixIsTheWholeFile() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(10_000, 7);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);

        ApiClient.Response suffix = get(alice, fileUrl(file), "Range", "bytes=-500");
        ApiClient.Response longer = get(alice, fileUrl(file), "Range", "bytes=-50000");

        assertEquals(206, suffix.status(), suffix.toString());
        assertEquals("bytes 9500-9999/10000", header(suffix, "content-range"));
        assertArrayEquals(Arrays.copyOfRange(bytes, 9500, 10_000), suffix.bytes());
        assertEquals(206, longer.status(), longer.toString());
        assertEquals("bytes 0-9999/10000", header(longer, "content-range"));
        assertArrayEquals(bytes, longer.bytes());
    }

    @Test
    void aRangeStartingAtOrPastTheEndIsNotSatisfiable() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(10_000, 8);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);

        for (String range : List.of("bytes=10000-", "bytes=10000-10005", "bytes=50000-60000", "bytes=-0")) {
            ApiClient.Response refused = get(alice, fileUrl(file), "Range", range);

            assertEquals(416, refused.status(), range + ": " + refused);
            assertEquals("bytes */10000", header(refused, "content-range"), range);
            assertFalse(Arrays.equals(bytes, refused.bytes()), range);
        }
    }

    @Test
    void severalRangesOrAMalformedRangeGetTheWholeFile() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(10_000, 9);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);

        for (String range : List.of(
                "bytes=0-9,20-29",
                "bytes=0-9, -5",
                "bytes=abc",
                "bytes=-",
                "bytes=20-10",
                "items=0-9",
                "0-9",
                "bytes=1.5-3")) {
            ApiClient.Response whole = get(alice, fileUrl(file), "Range", range);

            assertEquals(200, whole.status(), range + ": " + whole);
            assertNull(header(whole, "content-range"), range);
            assertArrayEquals(bytes, whole.bytes(), range);
        }
    }

    @Test
    void ifRangeWithAnotherEtagGetsTheWholeFileAndWithTheCurrentOneTheRange() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(10_000, 10);
        JsonNode file = uploaded(alice, group(alice), "r.bin", "application/octet-stream", bytes);
        String etag = "\"" + sha256(bytes) + "\"";

        ApiClient.Response stale =
                get(alice, fileUrl(file), "Range", "bytes=0-9", "If-Range", "\"" + sha256(new byte[1]) + "\"");
        ApiClient.Response weak = get(alice, fileUrl(file), "Range", "bytes=0-9", "If-Range", "W/" + etag);
        ApiClient.Response current = get(alice, fileUrl(file), "Range", "bytes=0-9", "If-Range", etag);

        assertEquals(200, stale.status(), stale.toString());
        assertArrayEquals(bytes, stale.bytes());
        assertEquals(200, weak.status(), "If-Range compares strongly: " + weak);
        assertArrayEquals(bytes, weak.bytes());
        assertEquals(206, current.status(), current.toString());
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, 10), current.bytes());
    }

    @Test
    void ifNoneMatchWithTheEtagIsNotModifiedAndAnyOtherEtagGetsTheFile() {
        TestUser alice = server.register("alice");
        byte[] bytes = randomBytes(5_000, 11);
        JsonNode file = uploaded(alice, group(alice), "e.bin", "application/octet-stream", bytes);
        String etag = "\"" + sha256(bytes) + "\"";

        ApiClient.Response same = get(alice, fileUrl(file), "If-None-Match", etag);
        ApiClient.Response inList = get(alice, fileUrl(file), "If-None-Match", "\"other\", W/" + etag);
        ApiClient.Response other = get(alice, fileUrl(file), "If-None-Match", "\"" + sha256(new byte[2]) + "\"");

        assertEquals(304, same.status(), same.toString());
        assertEquals(0, same.bytes().length);
        assertEquals(etag, header(same, "etag"));
        assertEquals(304, inList.status(), inList.toString());
        assertEquals(200, other.status(), other.toString());
        assertArrayEquals(bytes, other.bytes());
    }

    // --- Limits ------------------------------------------------------------------------------

    @Test
    void aFileOneByteOverTheLimitIsRefusedAndLeavesNothingOnDiskOrInTheDatabase() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        long idBefore = uploaded(alice, chat, "before.bin", "application/octet-stream", randomBytes(10, 12))
                .get("id")
                .asLong();
        Set<String> storedBefore = storedContent(server);
        long usedBefore = usedBytes(alice);

        ApiClient.Response refused =
                upload(alice, chat, "big.bin", "application/octet-stream", randomBytes(MAX_FILE + 1, 13));

        assertError(refused, 413, "file_too_large", null);
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
        assertEquals(usedBefore, usedBytes(alice));
        // Ids are never reused: the next file's id shows that no row was added in between.
        long idAfter = uploaded(alice, chat, "after.bin", "application/octet-stream", randomBytes(10, 14))
                .get("id")
                .asLong();
        assertEquals(idBefore + 1, idAfter);
    }

    @Test
    void aFileFarOverTheLimitIsRefusedBeforeItIsStoredAndLeavesNothingBehind() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        long idBefore = uploaded(alice, chat, "before.bin", "application/octet-stream", randomBytes(10, 15))
                .get("id")
                .asLong();
        Set<String> storedBefore = storedContent(server);

        // A client that sends its whole body before it reads the answer (java.net.http does) must get the answer too.
        ApiClient.Response refused = assertDoesNotThrow(
                () -> upload(alice, chat, "huge.bin", "application/octet-stream", randomBytes(2 * MAX_FILE, 16)),
                "the refusal must reach a client that sends the whole body first");

        assertError(refused, 413, "file_too_large", null);
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
        assertEquals(10, usedBytes(alice));
        long idAfter = uploaded(alice, chat, "after.bin", "application/octet-stream", randomBytes(10, 17))
                .get("id")
                .asLong();
        assertEquals(idBefore + 1, idAfter);
    }

    @Test
    void anUploadWithoutAFilePartIsAClientErrorAndStoresNothing() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        Set<String> storedBefore = storedContent(server);

        ApiClient.Response otherPart = alice.api()
                .multipart(
                        filesPath(chat),
                        List.of(Part.file("attachment", "x.bin", "application/octet-stream", randomBytes(100, 18))));
        ApiClient.Response json = alice.api().post(filesPath(chat), "{\"file\": \"abc\"}");

        ApiClient.Response noParts = alice.api().multipart(filesPath(chat), List.of());

        for (ApiClient.Response missing : List.of(otherPart, noParts)) {
            assertJson(400, """
                {"status": "error", "http_status": 400, "code": "invalid_input",
                 "message": "file is missing: attach the file as a multipart part named 'file'", "field": "file"}\
                """, missing);
        }
        assertTrue(json.status() >= 400 && json.status() < 500, json.toString());
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
        assertEquals(0, usedBytes(alice));
    }

    @Test
    void aFilePartWithoutAFileNameIsABadRequestNotAServerError() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        Set<String> storedBefore = storedContent(server);

        // A part named "file" but sent as a plain form field (no filename), as a form with a text input would.
        ApiClient.Response fieldOnly =
                alice.api().multipart(filesPath(chat), List.of(Part.field("file", "not a file")));

        assertEquals(400, fieldOnly.status(), fieldOnly.toString());
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
    }

    // --- Names -------------------------------------------------------------------------------

    @Test
    void aNameWithAPathKeepsOnlyItsLastSegmentAndTheBytesStayInTheContentStore() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        byte[] bytes = "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8);

        JsonNode unix = uploaded(alice, chat, "../../etc/passwd", "text/plain", bytes);
        JsonNode windows = uploaded(alice, chat, "C:\\..\\..\\Windows\\win.ini", "text/plain", randomBytes(50, 19));
        JsonNode dots = uploaded(alice, chat, "../..", "text/plain", randomBytes(50, 20));

        assertEquals("passwd", unix.get("name").asText());
        String windowsName = windows.get("name").asText();
        assertTrue(
                windowsName.endsWith("win.ini") && !windowsName.contains("\\") && !windowsName.contains("/"),
                windowsName);
        assertEquals("file", dots.get("name").asText());
        assertTrue(Files.exists(contentPath(server, bytes)));
        assertFalse(Files.exists(
                server.dataDir().resolve("files/incoming/../../etc/passwd").normalize()));
        assertFalse(Files.exists(server.dataDir().resolve("etc")));
        ApiClient.Response download = alice.api().get(fileUrl(unix));
        assertArrayEquals(bytes, download.bytes());
        assertEquals(
                "attachment; filename=\"passwd\"; filename*=UTF-8''passwd", header(download, "content-disposition"));
    }

    @Test
    void controlAndBidiCharactersAreDroppedFromTheNameAndTheDispositionIsPlainAscii() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        // U+202E turns "exe.txt" into something that reads like "txt.exe"; U+0007 and U+001B are controls.
        JsonNode file = uploaded(
                alice, chat, "in\u0007voice\u001b\u202Etxt.exe\u200F", "application/octet-stream", randomBytes(64, 21));

        // The multipart parser may turn an ASCII control into a space first; either way none is left.
        String name = file.get("name").asText();
        assertEquals("invoicetxt.exe", name.replace(" ", ""));
        assertTrue(
                name.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT),
                name);
        assertEquals(
                name,
                alice.api().get(fileUrl(file) + "/info").json().get("name").asText());
        assertEquals(
                "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name.replace(" ", "%20"),
                header(alice.api().get(fileUrl(file)), "content-disposition"));
    }

    @Test
    void aLongNameIsCutAt255CharactersNeverInsideASurrogatePair() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        // Each emoji is one character and two UTF-16 units; a cut at 255 units would leave half of one.
        JsonNode file = uploaded(
                alice, chat, "\uD83D\uDE00".repeat(300) + ".bin", "application/octet-stream", randomBytes(64, 29));

        assertEquals("\uD83D\uDE00".repeat(255), file.get("name").asText());
        assertEquals(
                "\uD83D\uDE00".repeat(255),
                alice.api().get(fileUrl(file) + "/info").json().get("name").asText());
    }

    /**
     * A part's headers that reach the server in pieces are buffered until they are whole: a long
     * file name (1,200 bytes of emoji) must not be refused as too large when its header arrives
     * in several reads, which a loaded machine does now and then (Netty's form decoder buffers
     * 1,024 bytes by default).
     */
    @Test
    void aLongNameThatArrivesInPiecesIsStillRead() throws Exception {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        String boundary = "parley-pieces";
        byte[] body = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + "\uD83D\uDE00".repeat(300)
                        + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        + "sixty-four bytes of a file that arrives in small pieces, slowly.\r\n"
                        + "--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        URI base = alice.api().base();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + filesPath(chat) + " HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\nAuthorization: Bearer " + alice.api().token()
                            + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                            + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int from = 0; from < body.length; from += 200) {
                out.write(body, from, Math.min(200, body.length - from));
                out.flush();
                Thread.sleep(30);
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
            // The JSON writes characters outside ASCII as \\u escapes.
            assertTrue(answer.contains("\"name\":\"" + "\\uD83D\\uDE00".repeat(255) + "\""), answer);
            assertTrue(answer.contains("\"size\":64"), answer);
        }
    }

    @Test
    void aPercentEncodedPathInTheNameIsKeptLiterallyAndNeverDecoded() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file = uploaded(alice, chat, "..%2F..%2Fetc%2Fpasswd", "text/plain", randomBytes(64, 28));

        assertEquals("..%2F..%2Fetc%2Fpasswd", file.get("name").asText());
        assertEquals(
                "attachment; filename=\".._2F.._2Fetc_2Fpasswd\"; filename*=UTF-8''..%252F..%252Fetc%252Fpasswd",
                header(alice.api().get(fileUrl(file)), "content-disposition"));
    }

    @Test
    void aNonAsciiNameIsKeptAndTheDispositionCarriesItPercentEncoded() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file = uploaded(alice, chat, "отчёт за май.bin", "application/octet-stream", randomBytes(64, 22));

        assertEquals("отчёт за май.bin", file.get("name").asText());
        String disposition = header(alice.api().get(fileUrl(file)), "content-disposition");
        assertEquals(
                "attachment; filename=\"_____ __ ___.bin\"; filename*=UTF-8''"
                        + "%D0%BE%D1%82%D1%87%D1%91%D1%82%20%D0%B7%D0%B0%20%D0%BC%D0%B0%D0%B9.bin",
                disposition);
        assertTrue(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7f), disposition);
    }

    // --- Who may ---------------------------------------------------------------------------

    @Test
    void someoneOutsideTheChatCanNeitherUploadNorReadItsFiles() {
        TestUser alice = server.register("alice");
        TestUser carol = server.register("carol");
        long chat = group(alice);
        JsonNode image = uploaded(alice, chat, "p.png", "image/png", TestImages.png(1));
        Set<String> storedBefore = storedContent(server);

        assertError(
                upload(carol, chat, "mine.bin", "application/octet-stream", randomBytes(100, 23)),
                403,
                "not_a_member",
                null);
        for (String ref : List.of(image.get("id").asText(), image.get("uuid").asText())) {
            assertError(carol.api().get("/api/v1/files/" + ref), 403, "not_a_member", null);
            assertError(carol.api().get("/api/v1/files/" + ref + "/info"), 403, "not_a_member", null);
            assertError(carol.api().get("/api/v1/files/" + ref + "/thumbnail"), 403, "not_a_member", null);
            assertError(server.anonymous().get("/api/v1/files/" + ref), 401, "unauthorized", null);
        }
        assertEquals(storedBefore, storedContent(server));
        assertEquals(List.of(), incoming(server));
        assertEquals(0, usedBytes(carol));
    }

    @Test
    void someoneOutsideTheChatSendingALargeFileIsAnsweredWithTheRefusal() {
        TestUser alice = server.register("alice");
        TestUser carol = server.register("carol");
        long chat = group(alice);

        // Refused before a byte of the file is read; a client that sends the whole body first must still get the
        // answer.
        ApiClient.Response refused = assertDoesNotThrow(
                () -> upload(carol, chat, "large.bin", "application/octet-stream", randomBytes(8 * 1024 * 1024, 29)),
                "the refusal must reach a client that sends the whole body first");

        assertError(refused, 403, "not_a_member", null);
        assertEquals(List.of(), incoming(server));
    }

    @Test
    void aMemberWhoLeavesLosesAccessToTheChatsFiles() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        JsonNode file = uploaded(alice, chat, "n.bin", "application/octet-stream", randomBytes(100, 24));
        assertEquals(200, bob.api().get(fileUrl(file)).status());

        ApiClient.Response removed = alice.api()
                .delete("/api/v1/group/" + chat + "/delete", Map.of("users", List.of(Map.of("id", bob.id()))));

        assertEquals(200, removed.status(), removed.toString());
        assertError(bob.api().get(fileUrl(file)), 403, "not_a_member", null);
    }

    @Test
    void unknownChatsAndFilesAreNotFoundAndBadIdsAreBadRequests() {
        TestUser alice = server.register("alice");

        ApiClient.Response unknownChat =
                upload(alice, 999_999, "x.bin", "application/octet-stream", randomBytes(10, 25));

        assertEquals(404, unknownChat.status(), unknownChat.toString());
        assertError(alice.api().get("/api/v1/files/999999"), 404, "file_not_found", null);
        assertError(alice.api().get("/api/v1/files/999999/info"), 404, "file_not_found", null);
        assertError(
                alice.api().get("/api/v1/files/3f0e8c2c-7a43-4a55-9d59-0d8a3c3c8f11/thumbnail"),
                404,
                "file_not_found",
                null);
        assertError(alice.api().get("/api/v1/files/not-an-id"), 400, "invalid_input", "file_id");
        assertEquals(List.of(), incoming(server));
    }

    // --- Deduplication -----------------------------------------------------------------------

    @Test
    void theSameBytesUploadedTwiceAreTwoFilesButOneCopyOnDisk() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        long otherChat = group(bob);
        byte[] bytes = randomBytes(20_000, 26);
        Set<String> storedBefore = storedContent(server);

        JsonNode first = uploaded(alice, chat, "one.bin", "application/octet-stream", bytes);
        JsonNode second = uploaded(bob, otherChat, "two.bin", "application/octet-stream", bytes);

        assertNotEquals(first.get("id"), second.get("id"));
        assertNotEquals(first.get("uuid"), second.get("uuid"));
        Set<String> added = new HashSet<>(storedContent(server));
        added.removeAll(storedBefore);
        assertEquals(
                Set.of(server.dataDir().relativize(contentPath(server, bytes)).toString()), added);
        assertEquals("one.bin", first.get("name").asText());
        assertEquals("two.bin", second.get("name").asText());
        assertArrayEquals(bytes, alice.api().get(fileUrl(first)).bytes());
        assertArrayEquals(bytes, bob.api().get(fileUrl(second)).bytes());
        assertError(alice.api().get(fileUrl(second)), 403, "not_a_member", null);
        assertEquals(List.of(), incoming(server));
    }

    // --- Images and thumbnails ---------------------------------------------------------------

    @Test
    void anImageGetsItsSizeAndAThumbnailThatFitsTheThumbnailSize() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        byte[] jpeg = TestImages.image(1000, 500, 1, "jpeg");

        JsonNode file = uploaded(alice, chat, "holiday.jpg", "image/jpeg", jpeg);

        assertEquals("image/jpeg", file.get("content_type").asText());
        assertEquals(1000, file.get("width").asInt());
        assertEquals(500, file.get("height").asInt());
        assertEquals(fileUrl(file) + "/thumbnail", file.get("thumbnail_url").asText());
        ApiClient.Response thumbnail = bob.api().get(file.get("thumbnail_url").asText());
        assertEquals(200, thumbnail.status(), thumbnail.toString());
        assertEquals("image/jpeg", header(thumbnail, "content-type"));
        assertTrue(
                header(thumbnail, "content-disposition").startsWith("inline;"),
                thumbnail.headers().toString());
        BufferedImage small = TestImages.decode(thumbnail.bytes());
        assertEquals(320, small.getWidth());
        assertEquals(160, small.getHeight());
        ApiClient.Response original = bob.api().get(fileUrl(file));
        assertArrayEquals(jpeg, original.bytes());
        assertEquals(
                "inline; filename=\"holiday.jpg\"; filename*=UTF-8''holiday.jpg",
                header(original, "content-disposition"));
        assertEquals(jpeg.length, usedBytes(alice), "thumbnails do not count against the uploader");
    }

    @Test
    void aTallImagesThumbnailFitsByItsHeight() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file = uploaded(alice, chat, "tall.png", "image/png", TestImages.image(300, 900, 2, "png"));

        BufferedImage small = TestImages.decode(
                alice.api().get(file.get("thumbnail_url").asText()).bytes());
        assertEquals(320, small.getHeight());
        assertTrue(Math.abs(small.getWidth() - 107) <= 1, "width " + small.getWidth());
    }

    @Test
    void aSmallImagesThumbnailIsNotEnlarged() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        byte[] png = TestImages.png(3);

        JsonNode file = uploaded(alice, chat, "tiny.png", "image/png", png);

        assertEquals(8, file.get("width").asInt());
        assertEquals(6, file.get("height").asInt());
        ApiClient.Response thumbnail = alice.api().get(file.get("thumbnail_url").asText());
        assertEquals("image/png", header(thumbnail, "content-type"));
        TestImages.assertSamePixels(png, thumbnail.bytes());
    }

    @Test
    void aFileThatIsNotAnImageHasNoSizeAndNoThumbnail() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file = uploaded(alice, chat, "data.bin", "application/octet-stream", randomBytes(500, 27));

        assertEquals(json(expectedInfo(file, chat, "data.bin", 500, "application/octet-stream")), file);
        assertError(alice.api().get(fileUrl(file) + "/thumbnail"), 404, "thumbnail_not_found", null);
    }

    // --- Content types -----------------------------------------------------------------------

    @Test
    void aPngUploadedAsTextIsAPngBecauseTheBytesSaySo() {
        TestUser alice = server.register("alice");
        long chat = group(alice);
        byte[] png = TestImages.png(4);

        JsonNode file = uploaded(alice, chat, "notes.txt", "text/plain", png);

        assertEquals("image/png", file.get("content_type").asText());
        assertEquals(8, file.get("width").asInt());
        assertEquals(6, file.get("height").asInt());
        assertEquals(fileUrl(file) + "/thumbnail", file.get("thumbnail_url").asText());
        ApiClient.Response download = alice.api().get(fileUrl(file));
        assertEquals("image/png", header(download, "content-type"));
        assertTrue(
                header(download, "content-disposition").startsWith("inline;"),
                download.headers().toString());
    }

    @Test
    void anHtmlPageIsServedAsADownloadInASandboxAndNeverInline() {
        TestUser alice = server.register("alice");
        TestUser bob = server.register("bob");
        long chat = group(alice, bob);
        byte[] html =
                "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
                        .getBytes(StandardCharsets.UTF_8);

        JsonNode asHtml = uploaded(alice, chat, "page.html", "text/html", html);
        JsonNode asPicture = uploaded(alice, chat, "cat.png", "image/png", html);

        assertEquals("text/html", asHtml.get("content_type").asText());
        assertFalse(asPicture.get("content_type").asText().startsWith("image/"), asPicture.toString());
        assertFalse(asPicture.has("width") || asPicture.has("thumbnail_url"), asPicture.toString());
        for (JsonNode file : List.of(asHtml, asPicture)) {
            ApiClient.Response download = bob.api().get(fileUrl(file));
            assertArrayEquals(html, download.bytes());
            assertTrue(
                    header(download, "content-disposition").startsWith("attachment;"),
                    download.headers().toString());
            assertEquals("nosniff", header(download, "x-content-type-options"));
            assertTrue(
                    header(download, "content-security-policy").startsWith("sandbox"),
                    download.headers().toString());
            assertFalse(
                    header(download, "content-type").startsWith("image/"),
                    download.headers().toString());
        }
    }

    @Test
    void plainTextNamedLikeAnImageIsNotAnImage() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        JsonNode file =
                uploaded(alice, chat, "photo.png", "image/png", "hello, this is text".getBytes(StandardCharsets.UTF_8));

        assertEquals("text/plain", file.get("content_type").asText());
        assertTrue(header(alice.api().get(fileUrl(file)), "content-disposition").startsWith("attachment;"));
    }

    @Test
    void bytesOfNoKnownFormatAreNotMadeAnImageOrAPageByTheirName() {
        TestUser alice = server.register("alice");
        long chat = group(alice);

        Map<String, String> types = new TreeMap<>();
        Map<String, String> dispositions = new TreeMap<>();
        for (String name : List.of("photo.png", "photo.jpg", "page.html", "drawing.svg")) {
            JsonNode file = uploaded(alice, chat, name, "image/png", randomBytes(300, name.hashCode()));
            types.put(name, file.get("content_type").asText());
            dispositions.put(
                    name,
                    header(alice.api().get(fileUrl(file)), "content-disposition")
                            .split(";")[0]);
        }

        assertEquals(
                Map.of(
                        "photo.png",
                        "application/octet-stream",
                        "photo.jpg",
                        "application/octet-stream",
                        "page.html",
                        "application/octet-stream",
                        "drawing.svg",
                        "application/octet-stream"),
                types);
        assertEquals(
                Map.of(
                        "photo.png",
                        "attachment",
                        "photo.jpg",
                        "attachment",
                        "page.html",
                        "attachment",
                        "drawing.svg",
                        "attachment"),
                dispositions);
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
