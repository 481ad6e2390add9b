package app.parley.server.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Uploads, downloads with request headers, and a look at the content store on disk, for the file tests. */
final class FileFixtures {
    private FileFixtures() {}

    static String filesPath(Object chat) {
        return "/api/v1/chats/" + chat + "/files";
    }

    static ApiClient.Response upload(TestUser user, Object chat, String name, String contentType, byte[] bytes) {
        return user.api().multipart(filesPath(chat), List.of(Part.file("file", name, contentType, bytes)));
    }

    /** Uploads and returns the file's description; fails the test unless the server answers 201. */
    static JsonNode uploaded(TestUser user, Object chat, String name, String contentType, byte[] bytes) {
        ApiClient.Response response = upload(user, chat, name, contentType, bytes);
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    /** Bytes that no format claims, different for every seed. */
    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        // Start with a byte no file signature starts with, so no type is read into them.
        bytes[0] = 0x01;
        return bytes;
    }

    /** A GET with extra request headers given as name, value, name, value... */
    static ApiClient.Response get(TestUser user, String path, String... headers) {
        return user.api().getWithHeaders(path, headers);
    }

    static String header(ApiClient.Response response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the content store keeps these bytes: {@code files/<first two hex>/<sha256>}. */
    static Path contentPath(RunningServer server, byte[] bytes) {
        String sha = sha256(bytes);
        return server.dataDir().resolve("files").resolve(sha.substring(0, 2)).resolve(sha);
    }

    /** Every stored content file, relative to the data dir; unfinished uploads not included. */
    static Set<String> storedContent(RunningServer server) {
        Path files = server.dataDir().resolve("files");
        try (Stream<Path> paths = Files.walk(files)) {
            Set<String> stored = new TreeSet<>();
            paths.filter(Files::isRegularFile)
                    .filter(path -> !path.startsWith(files.resolve("incoming")))
                    .forEach(
                            path -> stored.add(server.dataDir().relativize(path).toString()));
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is left in {@code files/incoming}, where uploads are staged. */
    static List<String> incoming(RunningServer server) {
        try (Stream<Path> paths = Files.list(server.dataDir().resolve("files").resolve("incoming"))) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's {@code GET /api/v1/storage} answer. */
    static JsonNode storage(TestUser user) {
        ApiClient.Response response = user.api().get("/api/v1/storage");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    static long usedBytes(TestUser user) {
        return storage(user).get("used_bytes").asLong();
    }
}
