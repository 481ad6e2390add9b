package app.parley.server.accounts;

import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.ApiClient.Part;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestImages;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    // --- POST /api/v1/user -------------------------------------------------------------------

    @Test
    void savingTheProfileWithAPhotoChangesItAndServesTheSameBytesBack() {
        TestUser alice = server.register("alice");
        TestUser bystander = server.register("bystander");
        JsonNode bystanderBefore = profile(bystander);
        byte[] png = TestImages.png(1);

        var saved = alice.api()
                .multipart(
                        "/api/v1/user",
                        List.of(
                                Part.field(
                                        "json",
                                        "{\"username\": \"alice_new\", \"name\": \"Алиса\", \"description\": \"hello"
                                                + " there\"}"),
                                Part.file("photo", "me.png", "image/png", png)));

        assertJson(200, "{\"status\": \"ok\"}", saved);
        var me = alice.api().get("/api/v1/user");
        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "username": "alice_new", "name": "Алиса", "description": "hello there",
                 "photo_url": "/api/v1/user/%d/photo", "bot": false, "created_at": "%s"}\
                """.formatted(
                                alice.id(),
                                alice.uuid(),
                                alice.id(),
                                me.json().get("created_at").asText()),
                me);
        var photo = bystander.api().get("/api/v1/user/" + alice.id() + "/photo");
        assertEquals(200, photo.status(), photo.toString());
        assertEquals("image/png", photo.headers().firstValue("content-type").orElseThrow());
        TestImages.assertSamePixels(png, photo.bytes());
        assertEquals(bystanderBefore, profile(bystander));
    }

    @Test
    void theProfileCanBeSavedAsPlainJsonAndAbsentFieldsKeepTheirValues() {
        TestUser bob = server.register("bob");
        assertJson(200, "{\"status\": \"ok\"}", bob.api().post("/api/v1/user", Map.of("name", "  Bob Builder  ")));

        var saved = bob.api().post("/api/v1/user", Map.of("description", "I fix things"));

        assertJson(200, "{\"status\": \"ok\"}", saved);
        JsonNode me = bob.api().get("/api/v1/user").json();
        assertEquals(bob.username(), me.get("username").asText());
        assertEquals("Bob Builder", me.get("name").asText());
        assertEquals("I fix things", me.get("description").asText());
        assertEquals(me, profile(bob));
    }

    @Test
    void aJsonPartWithItsOwnContentTypeIsReadLikeAPlainFormField() {
        TestUser user = server.register("typed");

        var saved = user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(new Part(
                                "json",
                                null,
                                "application/json",
                                "{\"name\": \"Typed Part\"}".getBytes(StandardCharsets.UTF_8))));

        assertJson(200, "{\"status\": \"ok\"}", saved);
        assertEquals("Typed Part", profile(user).get("name").asText());
    }

    @Test
    void usersRacingForOneUsernameGetItOnceAndConflictsOtherwise() throws Exception {
        List<TestUser> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(server.register("racer"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> futures = racers.stream()
                    .map(racer -> pool.submit(() -> {
                        start.await();
                        return racer.api().post("/api/v1/user", Map.of("username", "the_prize"));
                    }))
                    .toList();
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> statuses =
                responses.stream().map(ApiClient.Response::status).sorted().toList();
        assertEquals(List.of(200, 409, 409, 409, 409, 409, 409, 409), statuses, responses.toString());
        long winner = racers.get(responses.indexOf(responses.stream()
                        .filter(r -> r.status() == 200)
                        .findFirst()
                        .orElseThrow()))
                .id();
        assertEquals(
                winner,
                racers.getFirst()
                        .api()
                        .get("/api/v1/users/by-username/the_prize")
                        .json()
                        .get("id")
                        .asLong());
    }

    @Test
    void changingOnlyTheCaseOfYourOwnUsernameIsAllowed() {
        TestUser user = server.register("casey");

        var saved = user.api()
                .post("/api/v1/user", Map.of("username", user.username().toUpperCase(Locale.ROOT)));

        assertJson(200, "{\"status\": \"ok\"}", saved);
        assertEquals(
                user.username().toUpperCase(Locale.ROOT),
                profile(user).get("username").asText());
    }

    @Test
    void changingYourUsernameToALookAlikeOfSomeoneElsesIsAConflictButYourOwnIsFine() {
        TestUser victor = server.register("victor");
        TestUser mimic = server.register("mimic");
        JsonNode before = profile(mimic);
        // Cyrillic і for i, and fullwidth letters.
        String cyrillic = victor.username().replace("i", "\u0456");
        String fullwidth = victor.username()
                .codePoints()
                .map(c -> c >= 'a' && c <= 'z' ? c - 'a' + 0xFF41 : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();

        for (String lookAlike : List.of(cyrillic, fullwidth)) {
            var refused = mimic.api().post("/api/v1/user", Map.of("username", lookAlike));
            assertError(refused, 409, "username_taken", null);
        }
        assertEquals(before, profile(mimic));

        assertJson(200, "{\"status\": \"ok\"}", victor.api().post("/api/v1/user", Map.of("username", cyrillic)));
        assertEquals(cyrillic, profile(victor).get("username").asText());
        assertError(
                mimic.api().post("/api/v1/user", Map.of("username", victor.username())), 409, "username_taken", null);
    }

    @Test
    void aUsernameTakenBySomeoneElseIsAConflictAndNothingChanges() {
        TestUser taken = server.register("taken");
        TestUser user = server.register("wants");
        JsonNode before = profile(user);

        var asJson = user.api()
                .post(
                        "/api/v1/user",
                        Map.of("username", taken.username().toUpperCase(Locale.ROOT), "name", "New Name"));
        var asForm = user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(
                                Part.field(
                                        "json",
                                        "{\"username\": \"" + taken.username() + "\", \"description\": \"new\"}"),
                                Part.file("photo", "p.png", "image/png", TestImages.png(2))));

        assertError(asJson, 409, "username_taken", null);
        assertError(asForm, 409, "username_taken", null);
        assertEquals(before, profile(user));
        assertError(user.api().get("/api/v1/user/" + user.id() + "/photo"), 404, "photo_not_found", null);
    }

    @Test
    void profileFieldsOutsideTheRulesAreRefusedWithTheFieldNamedAndNothingChanges() {
        TestUser user = server.register("rules");
        JsonNode before = profile(user);
        Map<String, Map<String, String>> cases = Map.of(
                "username", Map.of("username", "ab", "name", "Would Change"),
                "name", Map.of("name", "   "),
                "description", Map.of("description", "d".repeat(1001), "name", "Would Change"));
        List<Map<String, String>> tooLongAndBadChars = List.of(
                Map.of("username", "has space"),
                Map.of("username", "-leading-dash"),
                Map.of("username", "x".repeat(33)));

        for (var entry : cases.entrySet()) {
            assertError(user.api().post("/api/v1/user", entry.getValue()), 400, "invalid_input", entry.getKey());
            assertError(
                    user.api()
                            .multipart(
                                    "/api/v1/user",
                                    List.of(
                                            Part.field("json", toJson(entry.getValue())),
                                            Part.file("photo", "p.png", "image/png", TestImages.png(3)))),
                    400,
                    "invalid_input",
                    entry.getKey());
        }
        for (var body : tooLongAndBadChars) {
            assertError(user.api().post("/api/v1/user", body), 400, "invalid_input", "username");
        }
        assertError(user.api().post("/api/v1/user", Map.of("name", "n".repeat(65))), 400, "invalid_input", "name");

        assertEquals(before, profile(user));
    }

    @Test
    void displayNamesWithControlOrBidiOverrideCharactersAreRefusedAndNothingChanges() {
        TestUser user = server.register("hidden");
        JsonNode before = profile(user);

        // U+202E makes "Eve\u202Etxt.exe" read as "Eveexe.txt"; NUL and BEL are controls; U+200B is invisible.
        for (String name : List.of(
                "Eve\u202Etxt.exe",
                "Nul\u0000l",
                "Bell\u0007",
                "Two\nLines",
                "Zero\u200Bwidth",
                "Iso\u2066late",
                "Tag\uDB40\uDC41")) {
            assertError(user.api().post("/api/v1/user", Map.of("name", name)), 400, "invalid_input", "name");
            assertError(
                    user.api().multipart("/api/v1/user", List.of(Part.field("json", toJson(Map.of("name", name))))),
                    400,
                    "invalid_input",
                    "name");
            assertError(
                    server.anonymous()
                            .post(
                                    "/api/v1/auth/register",
                                    Map.of("username", "hidden_new", "password", "password-123", "name", name)),
                    400,
                    "invalid_input",
                    "name");
        }
        assertError(
                user.api().post("/api/v1/user", Map.of("description", "fine\u202Eenif")),
                400,
                "invalid_input",
                "description");

        assertEquals(before, profile(user));
        assertError(user.api().get("/api/v1/users/by-username/hidden_new"), 404, "user_not_found", null);
    }

    @Test
    void joinersThatScriptsAndEmojiNeedStayInNamesAndDescriptionsKeepTabsAndLineBreaks() {
        TestUser user = server.register("joiner");
        // Persian needs the zero-width non-joiner; a family emoji is joined with zero-width joiners.
        String name = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0645 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String description = "line one\n\tline two\r\nline three";

        assertJson(
                200,
                "{\"status\": \"ok\"}",
                user.api().post("/api/v1/user", Map.of("name", name, "description", description)));

        JsonNode me = profile(user);
        assertEquals(name, me.get("name").asText());
        assertEquals(description, me.get("description").asText());
    }

    @Test
    void anUnpairedSurrogateInAnyProfileTextIsRefusedWithItsFieldAndNothingChanges() {
        TestUser user = server.register("halfpair");
        JsonNode before = profile(user);

        for (String field : List.of("name", "description", "username")) {
            String json = "{\"" + field + "\": \"x\\ud800y\"}";
            assertError(user.api().postRaw("/api/v1/user", "application/json", json), 400, "invalid_input", field);
            assertError(
                    user.api().multipart("/api/v1/user", List.of(Part.field("json", json))),
                    400,
                    "invalid_input",
                    field);
        }
        var registration = server.anonymous()
                .postRaw(
                        "/api/v1/auth/register",
                        "application/json",
                        "{\"username\": \"halfpair_new\", \"password\": \"password-123\", \"name\": \"\\udc00\"}");

        assertError(registration, 400, "invalid_input", "name");
        assertEquals(before, profile(user));
        assertError(user.api().get("/api/v1/users/by-username/halfpair_new"), 404, "user_not_found", null);
    }

    @Test
    void aPhotoThatIsNotAnImageIsRefusedAndTheProfileAndOldPhotoStay() {
        TestUser user = server.register("photo");
        byte[] first = TestImages.png(4);
        assertEquals(
                200,
                user.api()
                        .multipart(
                                "/api/v1/user",
                                List.of(
                                        Part.field("json", "{\"name\": \"With Photo\"}"),
                                        Part.file("photo", "first.png", "image/png", first)))
                        .status());
        JsonNode before = profile(user);

        var refused = user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(
                                Part.field("json", "{\"name\": \"Should Not Stick\", \"username\": \"photo_renamed\"}"),
                                Part.file(
                                        "photo",
                                        "fake.png",
                                        "image/png",
                                        "this is plain text, not a PNG".getBytes(StandardCharsets.UTF_8))));

        assertError(refused, 400, "invalid_input", "photo");
        assertEquals(before, profile(user));
        TestImages.assertSamePixels(
                first, user.api().get("/api/v1/user/" + user.id() + "/photo").bytes());
        assertError(user.api().get("/api/v1/users/by-username/photo_renamed"), 404, "user_not_found", null);
    }

    @Test
    void aFileThatOnlyStartsLikeAnImageIsRefusedToo() {
        TestUser user = server.register("magic");
        JsonNode before = profile(user);
        byte[] png = TestImages.png(8);
        byte[] truncatedPng = Arrays.copyOf(png, 12);

        for (byte[] fake : List.of("GIF89a and then just text".getBytes(StandardCharsets.UTF_8), truncatedPng)) {
            var refused = user.api()
                    .multipart(
                            "/api/v1/user",
                            List.of(
                                    Part.field("json", "{\"name\": \"Faker\"}"),
                                    Part.file("photo", "fake.gif", "image/gif", fake)));
            assertError(refused, 400, "invalid_input", "photo");
        }

        assertEquals(before, profile(user));
    }

    @Test
    void aMissingOrBrokenJsonPartIsABadRequestAndNothingChanges() {
        TestUser user = server.register("broken");
        JsonNode before = profile(user);
        byte[] png = TestImages.png(5);

        assertError(
                user.api().multipart("/api/v1/user", List.of(Part.file("photo", "p.png", "image/png", png))),
                400,
                "invalid_input",
                "json");
        for (String raw : List.of("{\"name\": ", "[1, 2]", "null", "{\"name\": 5}", "   ")) {
            var response = user.api()
                    .multipart(
                            "/api/v1/user",
                            List.of(Part.field("json", raw), Part.file("photo", "p.png", "image/png", png)));
            assertError(response, 400, "invalid_input", "json");
        }

        assertEquals(before, profile(user));
    }

    @Test
    void aBrokenOrMistypedJsonBodyIsABadRequestAndNothingChanges() {
        TestUser user = server.register("badjson");
        JsonNode before = profile(user);

        assertError(user.api().postRaw("/api/v1/user", "application/json", "{\"name\": "), 400, "bad_request", null);
        assertError(
                user.api().postRaw("/api/v1/user", "application/json", "{\"name\": 5}"), 400, "bad_request", "name");
        assertError(
                user.api().postRaw("/api/v1/user", "application/json", "{\"name\": [\"x\"]}"),
                400,
                "bad_request",
                "name");
        assertError(user.api().postRaw("/api/v1/user", "text/plain", "name=x"), 415, "unsupported_media_type", null);

        assertEquals(before, profile(user));
    }

    @Test
    void savingAProfileNeedsAToken() {
        var response = server.anonymous().post("/api/v1/user", Map.of("name", "Nobody"));
        var form = server.anonymous().multipart("/api/v1/user", List.of(Part.field("json", "{\"name\": \"Nobody\"}")));

        assertError(response, 401, "unauthorized", null);
        assertError(form, 401, "unauthorized", null);
    }

    // --- GET /api/v1/user and /api/v1/user/{id} ----------------------------------------------

    @Test
    void theCallersOwnProfileIsTheRegisteredOne() {
        TestUser carol = server.register("carol");

        var me = carol.api().get("/api/v1/user");

        assertJson(
                200,
                """
                {"id": %d, "uuid": "%s", "username": "%s", "name": "%s", "description": "",
                 "photo_url": null, "bot": false, "created_at": "%s"}\
                """.formatted(
                                carol.id(),
                                carol.uuid(),
                                carol.username(),
                                carol.username(),
                                me.json().get("created_at").asText()),
                me);
    }

    @Test
    void anotherUsersProfileIsFoundByIntegerIdAndByUuidAlike() {
        TestUser viewer = server.register("viewer");
        TestUser dave = server.register("dave");
        var davesOwn = dave.api().get("/api/v1/user");

        var byId = viewer.api().get("/api/v1/user/" + dave.id());
        var byUuid = viewer.api().get("/api/v1/user/" + dave.uuid());
        var byUpperUuid = viewer.api().get("/api/v1/user/" + dave.uuid().toUpperCase(Locale.ROOT));

        assertJson(200, davesOwn.body(), byId);
        assertJson(200, davesOwn.body(), byUuid);
        assertJson(200, davesOwn.body(), byUpperUuid);
    }

    @Test
    void anIdThatIsNeitherAPositiveIntegerNorAUuidIsABadRequest() {
        TestUser viewer = server.register("badid");

        for (String bad : List.of("abc", "0", "-1", "1.5", "12345678901234567890", "not-a-uuid-at-all")) {
            assertError(viewer.api().get("/api/v1/user/" + bad), 400, "invalid_input", "id");
            assertError(viewer.api().get("/api/v1/user/" + bad + "/photo"), 400, "invalid_input", "id");
        }
    }

    @Test
    void anUnknownUserIsNotFound() {
        TestUser viewer = server.register("unknown");

        assertError(viewer.api().get("/api/v1/user/999999"), 404, "user_not_found", null);
        assertError(viewer.api().get("/api/v1/user/" + UUID.randomUUID()), 404, "user_not_found", null);
        assertError(viewer.api().get("/api/v1/user/999999/photo"), 404, "user_not_found", null);
    }

    @Test
    void profilesNeedAToken() {
        TestUser someone = server.register("someone");

        assertError(server.anonymous().get("/api/v1/user"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/user/" + someone.id()), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/user/" + someone.uuid()), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/user/" + someone.id() + "/photo"), 401, "unauthorized", null);
    }

    // --- GET /api/v1/user/{id}/photo ---------------------------------------------------------

    @Test
    void aPhotoIsServedByUuidAsWellAndANewPhotoReplacesTheOld() {
        TestUser user = server.register("replace");
        byte[] first = TestImages.png(6);
        byte[] second = TestImages.png(7);
        user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(Part.field("json", "{}"), Part.file("photo", "a.png", "image/png", first)));

        var saved = user.api()
                .multipart(
                        "/api/v1/user",
                        List.of(Part.field("json", "{}"), Part.file("photo", "b.png", "image/png", second)));

        assertJson(200, "{\"status\": \"ok\"}", saved);
        TestImages.assertSamePixels(
                second, user.api().get("/api/v1/user/" + user.id() + "/photo").bytes());
        var byUuid = user.api().get("/api/v1/user/" + user.uuid() + "/photo");
        assertEquals(200, byUuid.status());
        TestImages.assertSamePixels(second, byUuid.bytes());
    }

    @Test
    void aUserWithoutAPhotoAnswersNotFoundWithTheErrorBody() {
        TestUser user = server.register("nophoto");

        assertError(user.api().get("/api/v1/user/" + user.id() + "/photo"), 404, "photo_not_found", null);
    }

    // --- GET /api/v1/users -------------------------------------------------------------------

    @Test
    void usersAreListedByUsernamePrefixInUsernameOrderAndPaged() {
        List<TestUser> zetas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            zetas.add(server.register("zeta"));
        }
        server.register("zetb");
        List<String> expected = zetas.stream().map(TestUser::username).sorted().toList();
        TestUser viewer = zetas.getFirst();

        var all = viewer.api().get("/api/v1/users?username=zeta");
        var ignoringCase = viewer.api().get("/api/v1/users?username=ZeTa");
        var page = viewer.api().get("/api/v1/users?username=zeta&limit=2&offset=1");
        var beyond = viewer.api().get("/api/v1/users?username=zeta&offset=10");

        assertEquals(200, all.status(), all.toString());
        assertEquals(expected, usernames(all));
        assertEquals(expected, usernames(ignoringCase));
        assertEquals(expected.subList(1, 3), usernames(page));
        assertJson(200, "{\"users\": []}", beyond);
        JsonNode first = all.json().get("users").get(0);
        assertEquals(profile(viewer, first.get("id").asLong()), first);
    }

    @Test
    void likeWildcardsInThePrefixAreTakenLiterally() {
        TestUser underscore = server.register("wild_");
        server.register("wildx");

        var response =
                underscore.api().get("/api/v1/users?username=" + URLEncoder.encode("wild_", StandardCharsets.UTF_8));
        var percent = underscore.api().get("/api/v1/users?username=" + URLEncoder.encode("%", StandardCharsets.UTF_8));

        assertEquals(List.of(underscore.username()), usernames(response));
        assertJson(200, "{\"users\": []}", percent);
    }

    @Test
    void withoutAPrefixEveryUserIsListed() {
        TestUser viewer = server.register("everyone");

        var response = viewer.api().get("/api/v1/users?limit=200");

        assertEquals(200, response.status());
        assertTrue(usernames(response).contains(viewer.username()));
    }

    @Test
    void badPagingOfTheUserListIsABadRequestNamingTheParameter() {
        TestUser viewer = server.register("paging");

        assertError(viewer.api().get("/api/v1/users?limit=0"), 400, "invalid_input", "limit");
        assertError(viewer.api().get("/api/v1/users?limit=201"), 400, "invalid_input", "limit");
        assertError(viewer.api().get("/api/v1/users?offset=-1"), 400, "invalid_input", "offset");
        assertError(viewer.api().get("/api/v1/users?limit=abc"), 400, "bad_request", "limit");
    }

    @Test
    void listingUsersNeedsAToken() {
        assertError(server.anonymous().get("/api/v1/users"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/users?username=a"), 401, "unauthorized", null);
    }

    // --- GET /api/v1/users/by-username/{name} -------------------------------------------------

    @Test
    void aUserIsFoundByUsernameIgnoringCaseInAnyScript() {
        TestUser viewer = server.register("finder");
        var registered = server.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("username", "Ёжик", "password", "hedgehog-in-fog", "name", "Ёжик в тумане"));
        long hedgehogId = registered.json().get("user").get("id").asLong();

        var exact = viewer.api().get("/api/v1/users/by-username/" + URLEncoder.encode("Ёжик", StandardCharsets.UTF_8));
        var lower = viewer.api().get("/api/v1/users/by-username/" + URLEncoder.encode("ёжик", StandardCharsets.UTF_8));
        var latin = viewer.api()
                .get("/api/v1/users/by-username/" + viewer.username().toUpperCase(Locale.ROOT));

        assertJson(200, profile(viewer, hedgehogId).toString(), exact);
        assertJson(200, profile(viewer, hedgehogId).toString(), lower);
        assertJson(200, profile(viewer).toString(), latin);
    }

    @Test
    void anUnknownUsernameIsNotFound() {
        TestUser viewer = server.register("lookup");

        assertError(viewer.api().get("/api/v1/users/by-username/nobody_by_that_name"), 404, "user_not_found", null);
    }

    @Test
    void findingByUsernameNeedsAToken() {
        TestUser someone = server.register("hidden");

        assertError(
                server.anonymous().get("/api/v1/users/by-username/" + someone.username()), 401, "unauthorized", null);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static JsonNode profile(TestUser user) {
        return profile(user, user.id());
    }

    private static JsonNode profile(TestUser viewer, long id) {
        ApiClient.Response response = viewer.api().get("/api/v1/user/" + id);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static List<String> usernames(ApiClient.Response response) {
        assertEquals(200, response.status(), response.toString());
        List<String> names = new ArrayList<>();
        response.json()
                .get("users")
                .forEach(user -> names.add(user.get("username").asText()));
        return names;
    }

    private static String toJson(Map<String, String> fields) {
        return JSON.valueToTree(fields).toString();
    }
}
