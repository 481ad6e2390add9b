package app.parley.server.support;

import app.parley.server.ParleyServer;
import app.parley.server.accounts.AccountAdministration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Parley server for one test class: its own SQLite file in a fresh temp dir, any free
 * port, started through the same entry point the desktop app uses.
 *
 * <p>With {@code -Dparley.test.storage=postgresql} it stores in a fresh database of its own on a
 * real PostgreSQL instead ({@link PostgresServer}, one per test run): the same tests then check
 * the same API on the other database.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, Object> properties = new HashMap<>();
    private final AtomicInteger userCounter = new AtomicInteger();
    private Path dataDir;
    private ParleyServer server;

    public RunningServer withProperty(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("parley-test-");
        ParleyServer.Settings settings = ParleyServer.Settings.of(dataDir, 0);
        if (TestStorage.postgresql()) {
            PostgresServer postgres = TestStorage.postgres(context);
            settings = settings.withProperty("parley.storage", "postgresql")
                    .withProperty("parley.postgresql.url", postgres.newDatabase())
                    .withProperty("parley.postgresql.user", postgres.user())
                    .withProperty("parley.postgresql.password", "");
        }
        for (var entry : properties.entrySet()) {
            settings = settings.withProperty(entry.getKey(), entry.getValue());
        }
        server = ParleyServer.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        deleteRecursively(dataDir);
    }

    public ApiClient anonymous() {
        return new ApiClient(server.localUri(), null);
    }

    /** Registers a new user with a unique name starting with {@code prefix}. */
    public TestUser register(String prefix) {
        String username = prefix + userCounter.incrementAndGet();
        ApiClient.Response response = anonymous()
                .post("/api/v1/auth/register", Map.of("username", username, "password", "password-" + username));
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response);
        }
        var user = response.json().get("user");
        String token = response.json().get("access_token").asText();
        return new TestUser(
                user.get("id").asLong(), user.get("uuid").asText(), username, new ApiClient(server.localUri(), token));
    }

    /**
     * An account made the way an administrator makes one with {@code parley-server user add}
     * (whatever the registration mode), signed in over the API.
     */
    public TestUser adminCreates(String prefix) {
        String username = prefix + userCounter.incrementAndGet();
        String password = "password-" + username;
        bean(AccountAdministration.class).add(username, null, password);
        ApiClient.Response response =
                anonymous().post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + response);
        }
        var user = response.json().get("user");
        return new TestUser(
                user.get("id").asLong(),
                user.get("uuid").asText(),
                username,
                new ApiClient(
                        server.localUri(), response.json().get("access_token").asText()));
    }

    public <T> T bean(Class<T> type) {
        return server.context().getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return server.port();
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
