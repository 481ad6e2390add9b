package app.parley.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.ParleyServer;
import app.parley.server.accounts.AccountAdministration;
import app.parley.server.accounts.AccountService;
import app.parley.server.errors.ParleyException;
import app.parley.server.support.ApiClient;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A bounded fuzz run over every HTTP route of every dialect, as the running server's router lists
 * them: random path ids (real ones, numbers, UUIDs, junk), query strings, bodies (JSON of the
 * right and wrong shapes, malformed text, big strings), content types and tokens (valid, someone
 * else's, forged, none). Never a 5xx; a refused request (4xx) changes nothing in the database; the
 * server answers as ever afterwards.
 */
class ApiFuzzTest {
    private static final Pattern TEMPLATE_PART = Pattern.compile("\\{([/?+#]?)([^}]*)}");
    private static final List<String> FIELDS = List.of(
            "text",
            "username",
            "password",
            "name",
            "description",
            "users",
            "user_id",
            "id",
            "chat_id",
            "token",
            "link",
            "emoji",
            "client_msg_id",
            "reply_to",
            "attachments",
            "until",
            "all_mentions",
            "owner",
            "current_password",
            "new_password",
            "disabled",
            "admin",
            "invite",
            "email",
            "max_uses",
            "expires_in_seconds",
            "expires_at",
            "up_to_message_id",
            "query",
            "limit",
            "offset",
            "type");

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final Map<String, AtomicInteger> STATUSES = new TreeMap<>();

    private static Path dataDir;
    private static ParleyServer server;
    private static List<Route> routes;
    private static Fixture fixture;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private record Route(HttpMethod method, String template) {}

    /** What the fuzz can name: real ids and tokens, as a caller who knows them would. */
    private record Fixture(
            String token, String otherToken, long me, long other, long chat, long group, long message, String invite) {}

    private record Attempt(Route route, List<String> values, String query, String body, String contentType, int auth) {}

    @BeforeContainer
    static void startServer() throws IOException {
        dataDir = Files.createTempDirectory("parley-fuzz-");
        server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0)
                // The fuzzer signs in again whenever it signed itself out: never held up for its own guesses.
                .withProperty("parley.rate-limits.login-free-failures", 1_000_000)
                .withProperty("parley.rate-limits.messages-per-minute", 1_000_000));
        routes = server.context()
                .getBean(Router.class)
                .uriRoutes()
                .map(route -> new Route(
                        route.getHttpMethod(), route.getUriMatchTemplate().toString()))
                .filter(route -> route.method() != HttpMethod.HEAD && route.method() != HttpMethod.OPTIONS)
                .distinct()
                .sorted(Comparator.comparing(Route::template)
                        .thenComparing(route -> route.method().name()))
                .toList();
        fixture = seed();
        current = fixture.token();
    }

    private static Fixture seed() {
        ApiClient anonymous = new ApiClient(server.localUri(), null);
        String token = signUp(anonymous, "fuzzer");
        String otherToken = signUp(anonymous, "bystander");
        ApiClient me = new ApiClient(server.localUri(), token);
        ApiClient other = new ApiClient(server.localUri(), otherToken);
        long myId = me.get("/api/v1/user").json().get("id").asLong();
        long otherId = other.get("/api/v1/user").json().get("id").asLong();
        long chat = me.post("/api/v1/chats/", Map.of("user_id", otherId))
                .json()
                .path("id")
                .asLong();
        long group = me.post("/api/v1/group", Map.of("name", "fuzz", "users", List.of(Map.of("id", otherId))))
                .json()
                .path("group")
                .path("id")
                .asLong();
        long message = me.post("/api/v1/chats/" + group + "/messages/", Map.of("text", "hello @bystander"))
                .json()
                .path("id")
                .asLong();
        String invite = me.post("/api/v1/chats/" + group + "/invites/", Map.of())
                .json()
                .path("token")
                .asText();
        if (chat == 0 || group == 0 || message == 0 || invite.isEmpty()) {
            throw new IllegalStateException(
                    "the fuzz's fixture was not made: " + List.of(chat, group, message, invite));
        }
        return new Fixture(token, otherToken, myId, otherId, chat, group, message, invite);
    }

    private static String signUp(ApiClient anonymous, String username) {
        return anonymous
                .post("/api/v1/auth/register", Map.of("username", username, "password", "fuzz-password"))
                .json()
                .get("access_token")
                .asText();
    }

    @AfterContainer
    static void stopServer() throws IOException {
        try {
            ApiClient me = new ApiClient(server.localUri(), freshToken());
            assertEquals(200, me.get("/health").status(), "the server answers after the run");
            long group = me.post(
                            "/api/v1/group",
                            Map.of("name", "after the fuzz", "users", List.of(Map.of("id", fixture.other()))))
                    .json()
                    .path("group")
                    .path("id")
                    .asLong();
            assertNotEquals(0, group, "a group is made after the run");
            ApiClient.Response sent = me.post("/api/v1/chats/" + group + "/messages/", Map.of("text", "still here"));
            assertEquals(201, sent.status(), () -> "and works: " + sent);
            System.out.printf(
                    "API fuzz: %d requests over %d routes; statuses %s%n", REQUESTS.get(), routes.size(), STATUSES);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Property(tries = 10000, seed = "20261206")
    void noRequestBreaksTheServerAndNoRefusalChangesAnything(@ForAll("attempts") Attempt attempt) throws Exception {
        String token = tokenFor(attempt); // before the fingerprint: signing in again starts a session
        Map<String, Long> before = fingerprint();
        HttpResponse<String> response = send(attempt, token);
        REQUESTS.incrementAndGet();
        synchronized (STATUSES) {
            STATUSES.computeIfAbsent(response.statusCode() / 100 + "xx", key -> new AtomicInteger())
                    .incrementAndGet();
        }
        assertTrue(response.statusCode() < 500, () -> attempt + " -> " + response.statusCode() + " " + response.body());
        if (response.statusCode() >= 400) {
            assertEquals(before, fingerprint(), () -> "a refused request changed the data: " + attempt);
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<Route> route = Arbitraries.of(routes);
        Arbitrary<List<String>> values = pathValue().list().ofSize(4);
        Arbitrary<String> query = queryString();
        Arbitrary<String> body = body();
        Arbitrary<String> contentType = Arbitraries.of(
                "application/json", "application/json", "text/plain", "multipart/form-data; boundary=x", "", "*/*");
        Arbitrary<Integer> auth = Arbitraries.integers().between(0, 5);
        return Combinators.combine(route, values, query, body, contentType, auth)
                .as(Attempt::new);
    }

    private static Arbitrary<String> pathValue() {
        return Arbitraries.oneOf(
                Arbitraries.<java.util.function.Supplier<String>>of(
                                () -> String.valueOf(fixture.chat()),
                                () -> String.valueOf(fixture.group()),
                                () -> String.valueOf(fixture.message()),
                                () -> String.valueOf(fixture.me()),
                                () -> String.valueOf(fixture.other()),
                                () -> fixture.invite())
                        .map(java.util.function.Supplier::get),
                Arbitraries.longs().between(-5, 99_999_999_999L).map(String::valueOf),
                Arbitraries.of(
                        "0",
                        "-1",
                        "9223372036854775808",
                        "1e3",
                        "0x10",
                        "null",
                        "undefined",
                        "%00",
                        "..%2F..",
                        "00000000-0000-0000-0000-000000000000",
                        "%F0%9F%91%8D",
                        "%E2%9D%A4",
                        "a%20b",
                        "Ω",
                        "%ZZ"),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-', '_')
                        .ofMinLength(1)
                        .ofMaxLength(70));
    }

    private static Arbitrary<String> queryString() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(
                        "limit",
                        "offset",
                        "before",
                        "after",
                        "after_id",
                        "order",
                        "query",
                        "username",
                        "id",
                        "user_id",
                        "token",
                        "access_token",
                        "presence",
                        "page",
                        "ordering",
                        "cursor"),
                Arbitraries.strings().alpha().ofLength(3));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-10, 100_000).map(String::valueOf),
                Arbitraries.of("", "asc", "desc", "true", "%", "%25", "a%20b", "9999999999999999999999", "-0", "1.5"),
                Arbitraries.strings().alpha().numeric().ofMaxLength(20));
        return Combinators.combine(key, value)
                .as((k, v) -> k + "=" + v)
                .list()
                .ofMaxSize(4)
                .map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<String> body() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(ApiFuzzTest::quoted),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("null", "true", "false", "-0", "1e309", "[]", "{}", "\"\"", "[{}]", "\"\\ud800\""),
                Arbitraries.<java.util.function.Supplier<String>>of(
                                () -> String.valueOf(fixture.other()),
                                () -> String.valueOf(fixture.message()),
                                () -> quoted(fixture.invite()),
                                () -> "[{\"id\":" + fixture.other() + "}]",
                                () -> quoted("fuzz-password"))
                        .map(java.util.function.Supplier::get));
        Arbitrary<String> object = Combinators.combine(Arbitraries.of(FIELDS), scalar)
                .as((field, value) -> quoted(field) + ":" + value)
                .list()
                .ofMaxSize(5)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(
                object,
                object,
                object,
                scalar,
                Arbitraries.of("", "{", "{\"text\":", "[1,2", "<xml/>", "{\"text\":\"a\"}{", "\u0000"),
                Arbitraries.strings().ofMinLength(10_000).ofMaxLength(70_000).map(ApiFuzzTest::quoted));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    private static String tokenFor(Attempt attempt) {
        return switch (attempt.auth()) {
            case 0, 1, 2 -> freshToken();
            case 3 -> fixture.otherToken();
            case 4 -> "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged";
            default -> null;
        };
    }

    private static HttpResponse<String> send(Attempt attempt, String token) throws IOException, InterruptedException {
        String path = expand(attempt.route().template(), attempt.values());
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.localUri() + path + attempt.query()))
                    .timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException notAUri) {
            request = HttpRequest.newBuilder(URI.create(server.localUri() + "/api/v1/chats/%25"))
                    .timeout(Duration.ofSeconds(30));
        }
        if (!attempt.contentType().isEmpty()) {
            request.header("Content-Type", attempt.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String method = attempt.route().method().name();
        boolean withBody = !method.equals("GET") && !method.equals("DELETE")
                || attempt.body().length() < 5;
        request.method(
                method,
                withBody ? HttpRequest.BodyPublishers.ofString(attempt.body()) : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The fuzzer's token, signed in again if the fuzz signed it out or changed its sessions. The
     * fuzz may also change the fuzzer's password or username (it knows the password), delete the
     * account or disable it: an administrator then sets the password back, or a new fuzzer signs
     * up, or every later attempt would only test a refused token.
     */
    private static String freshToken() {
        ApiClient me = new ApiClient(server.localUri(), current);
        if (me.get("/api/v1/chats").status() != 401) {
            return current;
        }
        String username;
        try {
            username = server.context()
                    .getBean(AccountService.class)
                    .requireCaller(fixture.me())
                    .username();
            if (signIn(username).status() != 200) {
                server.context().getBean(AccountAdministration.class).resetPassword(username, "fuzz-password");
            }
        } catch (ParleyException deleted) {
            username = "fuzzer" + REQUESTS.get();
            signUp(new ApiClient(server.localUri(), null), username);
        }
        ApiClient.Response answer = signIn(username);
        if (answer.status() != 200) {
            // Disabled by an administrator's route, say: a new fuzzer goes on.
            username = "fuzzer" + REQUESTS.get();
            signUp(new ApiClient(server.localUri(), null), username);
            answer = signIn(username);
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("the fuzzer cannot sign in again: " + answer);
        }
        current = answer.json().path("access_token").asText();
        return current;
    }

    private static ApiClient.Response signIn(String username) {
        return new ApiClient(server.localUri(), null)
                .post("/api/v1/auth/login", Map.of("username", username, "password", "fuzz-password"));
    }

    private static String current;

    private static String expand(String template, List<String> values) {
        Matcher matcher = TEMPLATE_PART.matcher(template);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (matcher.find()) {
            String operator = matcher.group(1);
            String name = matcher.group(2);
            String value = values.get(next++ % values.size());
            String replacement = switch (operator) {
                case "?", "#" -> "";
                case "/" -> name.isEmpty() ? (next % 2 == 0 ? "/" : "") : "/" + value;
                default -> value;
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** How many rows the tables a request could change hold, and open sessions. */
    private static Map<String, Long> fingerprint() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        // A connection of the test's own on the same file: SQLite in WAL mode lets it read beside the server.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("parley.db"));
                Statement statement = connection.createStatement()) {
            for (String query : List.of(
                    "SELECT COUNT(*) FROM users",
                    "SELECT COUNT(*) FROM chats",
                    "SELECT COUNT(*) FROM chat_members",
                    "SELECT COUNT(*) FROM messages",
                    "SELECT COUNT(*) FROM message_reactions",
                    "SELECT COUNT(*) FROM invites",
                    "SELECT COUNT(*) FROM files",
                    "SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL",
                    "SELECT COALESCE(SUM(unread_count), 0) FROM chat_members",
                    "SELECT COALESCE(SUM(LENGTH(text)), 0) FROM messages",
                    "SELECT COALESCE(SUM(disabled + is_admin), 0) FROM users")) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    rows.next();
                    counts.put(query, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    static List<Route> routes() {
        return new ArrayList<>(routes);
    }
}
