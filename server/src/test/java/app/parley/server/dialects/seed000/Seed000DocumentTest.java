package app.parley.server.dialects.seed000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 000 ({@code seed-000-rpc-style.txt}) walked top to bottom as a client of that document
 * would, over real HTTP, with the document's own paths and field names. Users come from the
 * document's own {@code /create_user}, which hands out the token every other call needs.
 */
class Seed000DocumentTest {
    /** Small enough to refuse a file without sending megabytes; JSON bodies keep the default 10MB limit. */
    private static final int MAX_FILE_BYTES = 64 * 1024;

    @RegisterExtension
    static final RunningServer server = new RunningServer().withProperty("parley.files.max-file-size", "64KB");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger names = new AtomicInteger();

    /** A user made through {@code /create_user}, with a client that sends its token. */
    record User(String id, String username, ApiClient api) {}

    // --- 1. POST /create_chat -----------------------------------------------------------------------

    @Test
    void createChatMakesAGroupOwnedByTheCallerWithTheListedMembersAndAnswers201WithItsDetails() {
        User ann = user("ann");
        User ben = user("ben");
        User cat = user("cat");

        var created = ann.api()
                .post(
                        "/create_chat",
                        Map.of(
                                "chat", Map.of("name", "Book club", "is_private", false),
                                "owner", Map.of("id", ann.id()),
                                "members", List.of(ben.id(), cat.id(), ann.id())));

        assertEquals(201, created.status(), created.toString());
        JsonNode chat = created.json();
        String chatId = chat.path("chat_id").asText();
        UUID.fromString(chatId);
        assertEquals(Set.of("chat_id", "name", "is_private", "owner_id", "members", "created_at"), keys(chat));
        assertEquals("Book club", chat.path("name").asText());
        assertFalse(chat.path("is_private").asBoolean(true));
        assertEquals(ann.id(), chat.path("owner_id").asText());
        assertEquals(List.of(ann.id(), ben.id(), cat.id()), texts(chat.path("members")));
        Instant.parse(chat.path("created_at").asText());
        for (User member : List.of(ann, ben, cat)) {
            assertEquals(List.of(chatId), chatIds(member), member.username());
        }
    }

    @Test
    void createChatWithIsPrivateAndOneOtherMemberIsThePairsOnePrivateChat() {
        User ann = user("ann");
        User ben = user("ben");

        var created = ann.api()
                .post(
                        "/create_chat",
                        Map.of(
                                "chat", Map.of("name", "ignored", "is_private", true),
                                "owner", Map.of("id", ann.id()),
                                "members", List.of(ben.id())));
        var again = ben.api()
                .post(
                        "/create_chat/",
                        Map.of(
                                "chat", Map.of("name", "", "is_private", true),
                                "owner", Map.of("id", ben.id()),
                                "members", List.of(ben.id(), ann.id())));

        assertEquals(201, created.status(), created.toString());
        JsonNode chat = created.json();
        assertTrue(chat.path("is_private").asBoolean(false));
        assertEquals(ben.username(), chat.path("name").asText());
        assertTrue(chat.path("owner_id").isNull(), created.toString());
        assertEquals(Set.of(ann.id(), ben.id()), Set.copyOf(texts(chat.path("members"))));
        assertEquals(200, again.status(), again.toString());
        assertEquals(chat.path("chat_id").asText(), again.json().path("chat_id").asText());
        assertEquals(ann.username(), again.json().path("name").asText());
        assertEquals(List.of(chat.path("chat_id").asText()), chatIds(ann));
    }

    @Test
    void createChatRefusesBadInputWith400NamingTheDocumentsFieldAndCreatesNothing() {
        User ann = user("ann");
        User ben = user("ben");
        Map<String, Object> owner = Map.of("id", ann.id());
        record Case(Object body, String code, String field) {}
        List<Case> cases = List.of(
                new Case(
                        Map.of("chat", Map.of("is_private", false), "owner", owner, "members", List.of(ben.id())),
                        "invalid_input",
                        "chat.name"),
                new Case(Map.of("chat", Map.of("name", "x".repeat(101)), "owner", owner), "invalid_input", "chat.name"),
                new Case(
                        Map.of("chat", Map.of("name", "G"), "owner", owner, "members", List.of("not-a-uuid")),
                        "invalid_input",
                        "members"),
                new Case(
                        Map.of(
                                "chat",
                                Map.of("name", "G"),
                                "owner",
                                owner,
                                "members",
                                List.of(ben.id(), UUID.randomUUID().toString())),
                        "invalid_input",
                        "members"),
                new Case(
                        Map.of(
                                "chat",
                                Map.of("name", "P", "is_private", true),
                                "owner",
                                owner,
                                "members",
                                List.of(UUID.randomUUID().toString())),
                        "invalid_input",
                        "members"),
                new Case(
                        Map.of("chat", Map.of("name", "G"), "owner", owner, "members", List.of(Map.of("id", ben.id()))),
                        "invalid_input",
                        "members"),
                new Case(
                        Map.of("chat", Map.of("name", "G"), "members", List.of(ben.id())), "invalid_input", "owner.id"),
                new Case(
                        Map.of("chat", Map.of("name", "G", "is_private", "yes"), "owner", owner),
                        "bad_request",
                        "chat.is_private"),
                new Case("{\"chat\": {\"name\": \"G\"}, ", "bad_request", null));

        for (Case bad : cases) {
            assertDialectError(ann.api().post("/create_chat", bad.body()), 400, bad.code(), bad.field());
        }
        assertDialectError(ann.api().postEmpty("/create_chat"), 400, "invalid_input", null);

        assertEquals(List.of(), chatIds(ann));
        assertEquals(List.of(), chatIds(ben));
    }

    @Test
    void createChatNamingAnotherUserAsOwnerIsForbiddenAndCreatesNothing() {
        User ann = user("ann");
        User ben = user("ben");

        for (String owner : List.of(ben.id(), UUID.randomUUID().toString())) {
            var refused = ann.api()
                    .post(
                            "/create_chat",
                            Map.of(
                                    "chat", Map.of("name", "Mine", "is_private", false),
                                    "owner", Map.of("id", owner),
                                    "members", List.of(ben.id())));
            assertDialectError(refused, 403, "not_the_caller", null);
        }

        assertEquals(List.of(), chatIds(ann));
        assertEquals(List.of(), chatIds(ben));
    }

    // --- 2. POST /connect --------------------------------------------------------------------------

    @Test
    void connectGivesTheLastMessagesOldestFirstAndTheUnreadCountAndMarksTheChatRead() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);
        List<String> sent = new ArrayList<>();
        for (String text : List.of("one", "two", "three")) {
            sent.add(send(ben, chat, text));
        }
        Instant before = Instant.now();

        var connected = ann.api().post("/connect", connect(chat, ann));

        assertEquals(200, connected.status(), connected.toString());
        JsonNode body = connected.json();
        assertEquals(Set.of("chat_id", "last_messages", "unread_messages_count", "last_seen"), keys(body));
        assertEquals(chat, body.path("chat_id").asText());
        assertEquals(3, body.path("unread_messages_count").asInt());
        assertFalse(Instant.parse(body.path("last_seen").asText()).isBefore(before.minusSeconds(1)));
        JsonNode messages = body.path("last_messages");
        assertEquals(sent, texts(messages, "message_id"));
        assertEquals(List.of("one", "two", "three"), texts(messages, "content"));
        for (JsonNode message : messages) {
            assertEquals(
                    Set.of("message_id", "chat_id", "sender_id", "sender_username", "content", "created_at"),
                    keys(message));
            assertEquals(chat, message.path("chat_id").asText());
            assertEquals(ben.id(), message.path("sender_id").asText());
            assertEquals(ben.username(), message.path("sender_username").asText());
        }
        assertEquals(0, unreadIn(ann, chat));
        var again = ann.api().post("/connect/", connect(chat, ann));
        assertEquals(0, again.json().path("unread_messages_count").asInt(), again.toString());
        assertFalse(Instant.parse(again.json().path("last_seen").asText())
                .isBefore(Instant.parse(body.path("last_seen").asText())));
    }

    @Test
    void connectShowsTheNewestFiftyMessages() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);
        for (int i = 1; i <= 55; i++) {
            send(ben, chat, "m" + i);
        }

        JsonNode body = ann.api().post("/connect", connect(chat, ann)).json();

        List<String> contents = texts(body.path("last_messages"), "content");
        assertEquals(50, contents.size());
        assertEquals("m6", contents.getFirst());
        assertEquals("m55", contents.getLast());
        assertEquals(55, body.path("unread_messages_count").asInt());
        assertEquals(0, unreadIn(ann, chat));
    }

    @Test
    void connectRefusesAnotherUsersIdANonMemberAndBadChatIdsAndReadsNothing() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String chat = privateChat(ann, ben);
        send(ben, chat, "for ann only");

        assertDialectError(eve.api().post("/connect", connect(chat, ann)), 403, "not_the_caller", null);
        assertDialectError(eve.api().post("/connect", connect(chat, eve)), 403, "not_a_member", null);
        assertDialectError(
                ann.api().post("/connect", connect(UUID.randomUUID().toString(), ann)), 404, "chat_not_found", null);
        assertDialectError(ann.api().post("/connect", connect("nope", ann)), 400, "invalid_input", "chat.id");
        assertDialectError(
                ann.api().post("/connect", Map.of("chat", Map.of("id", chat))), 400, "invalid_input", "user.id");
        assertDialectError(ann.api().postRaw("/connect", "application/json", "{\"chat\": "), 400, "bad_request", null);

        assertEquals(1, unreadIn(ann, chat));
    }

    // --- 3. POST /upload_file -------------------------------------------------------------------------

    @Test
    void uploadFileStoresBase64BytesAndPostsTheFileInTheChat() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);
        byte[] bytes = "hello, seed 000".getBytes(StandardCharsets.UTF_8);

        var uploaded = ann.api()
                .post(
                        "/upload_file",
                        upload(chat, ann, "notes.txt", Base64.getEncoder().encodeToString(bytes)));

        assertEquals(200, uploaded.status(), uploaded.toString());
        JsonNode file = uploaded.json();
        assertEquals(Set.of("file_id", "chat_file_id", "name", "size", "content_type"), keys(file));
        UUID.fromString(file.path("file_id").asText());
        UUID.fromString(file.path("chat_file_id").asText());
        assertEquals("notes.txt", file.path("name").asText());
        assertEquals(bytes.length, file.path("size").asInt());
        assertEquals("text/plain", file.path("content_type").asText());

        JsonNode seen = ben.api().post("/connect", connect(chat, ben)).json();
        assertEquals(1, seen.path("unread_messages_count").asInt(), seen.toString());
        JsonNode message = seen.path("last_messages").get(0);
        assertEquals(
                file.path("chat_file_id").asText(), message.path("message_id").asText());
        assertEquals(ann.id(), message.path("sender_id").asText());
        assertEquals("", message.path("content").asText());
        JsonNode attachment = message.path("attachments").get(0);
        assertEquals(file.path("file_id").asText(), attachment.path("file_id").asText());
        assertEquals("notes.txt", attachment.path("name").asText());
        assertEquals(bytes.length, attachment.path("size").asInt());
        var download = ben.api().get(attachment.path("url").asText());
        assertEquals(200, download.status(), download.toString());
        assertEquals(new String(bytes, StandardCharsets.UTF_8), download.body());
    }

    @Test
    void uploadFileAlsoTakesUrlSafeBase64AndAnArrayOfByteValues() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);
        byte[] awkward = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x00, 0x41};
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(awkward);
        assertTrue(urlSafe.contains("-") || urlSafe.contains("_"), urlSafe);
        List<Integer> values = List.of(0xfb, 0xff, -65, 0, 0x41);

        var fromUrlSafe = ann.api().post("/upload_file", upload(chat, ann, "a.bin", urlSafe));
        var fromArray = ann.api().post("/upload_file/", upload(chat, ann, "b.bin", values));

        for (var uploaded : List.of(fromUrlSafe, fromArray)) {
            assertEquals(200, uploaded.status(), uploaded.toString());
            assertEquals(awkward.length, uploaded.json().path("size").asInt());
        }
        List<JsonNode> files = StreamSupport.stream(
                        ben.api()
                                .post("/connect", connect(chat, ben))
                                .json()
                                .path("last_messages")
                                .spliterator(),
                        false)
                .map(m -> m.path("attachments").get(0))
                .toList();
        assertEquals(
                List.of("a.bin", "b.bin"),
                files.stream().map(f -> f.path("name").asText()).toList());
        for (JsonNode file : files) {
            assertEquals(
                    List.of(awkward[0], awkward[1], awkward[2], awkward[3], awkward[4]),
                    boxed(ben.api().get(file.path("url").asText()).bytes()));
        }
    }

    @Test
    void uploadFileRefusalsAre400WithTheDocumentsFieldAndStoreNothing() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);
        Map<String, Object> noContent =
                new HashMap<>(Map.of("chat", Map.of("id", chat), "user", Map.of("id", ann.id())));
        noContent.put("file", Map.of("name", "x.txt"));
        String tooLarge = Base64.getEncoder().encodeToString(new byte[MAX_FILE_BYTES + 1]);

        assertDialectError(
                ann.api().post("/upload_file", upload(chat, ann, "x.txt", "!!not base64!!")),
                400,
                "invalid_input",
                "file.content");
        assertDialectError(
                ann.api().post("/upload_file", upload(chat, ann, "x.txt", List.of(1, 256))),
                400,
                "invalid_input",
                "file.content");
        assertDialectError(
                ann.api().post("/upload_file", upload(chat, ann, "x.txt", List.of(1, 2.5))),
                400,
                "invalid_input",
                "file.content");
        assertDialectError(
                ann.api().post("/upload_file", upload(chat, ann, "x.txt", Map.of("bytes", "AA=="))),
                400,
                "invalid_input",
                "file.content");
        assertDialectError(ann.api().post("/upload_file", noContent), 400, "invalid_input", "file.content");
        assertDialectError(
                ann.api().post("/upload_file", upload(chat, ann, "big.bin", tooLarge)), 400, "file_too_large", null);
        assertDialectError(
                ann.api()
                        .post(
                                "/upload_file",
                                Map.of("file", Map.of("name", "x", "content", "AAAA"), "user", Map.of("id", ann.id()))),
                400,
                "invalid_input",
                "chat.id");

        assertEquals(
                List.of(),
                texts(ben.api().post("/connect", connect(chat, ben)).json().path("last_messages"), "message_id"));
        assertEquals(
                0, ann.api().get("/api/v1/storage/").json().path("used_bytes").asLong());
    }

    @Test
    void aJsonBodyOverTheRequestBufferLimitIsAFailedUploadWith400() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);
        String elevenMegabytes = "A".repeat(11 * 1024 * 1024);

        var refused = ann.api().post("/upload_file", upload(chat, ann, "huge.bin", elevenMegabytes));

        assertDialectError(refused, 400, "payload_too_large", null);
        assertEquals(
                List.of(),
                texts(ben.api().post("/connect", connect(chat, ben)).json().path("last_messages"), "message_id"));
    }

    @Test
    void uploadFileForAnotherUserOrIntoAChatOfOthersIsForbiddenAndStoresNothing() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String chat = privateChat(ann, ben);
        String content = Base64.getEncoder().encodeToString("sneaky".getBytes(StandardCharsets.UTF_8));

        assertDialectError(
                eve.api().post("/upload_file", upload(chat, ann, "x.txt", content)), 403, "not_the_caller", null);
        assertDialectError(
                eve.api().post("/upload_file", upload(chat, eve, "x.txt", content)), 403, "not_a_member", null);

        assertEquals(
                List.of(),
                texts(ben.api().post("/connect", connect(chat, ben)).json().path("last_messages"), "message_id"));
        assertEquals(
                0, eve.api().get("/api/v1/storage/").json().path("used_bytes").asLong());
    }

    // --- 4. POST /chat_generate_invite ---------------------------------------------------------------

    @Test
    void generateInviteGivesATokenAndAnInviteLinkOnTheAddressTheClientUsed() {
        User ann = user("ann");
        String group = group(ann, "Open house");

        var invite = ann.api()
                .post("/chat_generate_invite", Map.of("chat", Map.of("id", group), "inviter", Map.of("id", ann.id())));

        assertEquals(200, invite.status(), invite.toString());
        JsonNode body = invite.json();
        assertEquals(Set.of("token", "invite_link", "app_link"), keys(body));
        String token = body.path("token").asText();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(
                "http://localhost:" + server.port() + "/invite/" + token,
                body.path("invite_link").asText());
        assertEquals("parley://invite/" + token, body.path("app_link").asText());
        var page = server.anonymous().get("/invite/" + token);
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains("Open house"));
    }

    @Test
    void generateInviteRefusesAnotherInviterANonMemberAPrivateChatAndAnUnknownChat() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String group = group(ann, "Closed");
        String pair = privateChat(ann, ben);

        assertDialectError(eve.api().post("/chat_generate_invite", invite(group, ann)), 403, "not_the_caller", null);
        assertDialectError(eve.api().post("/chat_generate_invite", invite(group, eve)), 403, "not_a_member", null);
        assertDialectError(ann.api().post("/chat_generate_invite", invite(pair, ann)), 400, "invalid_input", "chat.id");
        assertDialectError(
                ann.api().post("/chat_generate_invite", invite(UUID.randomUUID().toString(), ann)),
                404,
                "chat_not_found",
                null);

        assertEquals(0, ann.api().get("/api/v1/invites/").json().path("invites").size());
        assertEquals(0, eve.api().get("/api/v1/invites/").json().path("invites").size());
    }

    // --- 5. POST /chat_accept_invite -----------------------------------------------------------------

    @Test
    void acceptInviteWithQueryParametersJoinsTheGroupOnce() {
        User ann = user("ann");
        User ben = user("ben");
        String group = group(ann, "Hikers");
        String token = generateInvite(ann, group);

        var accepted = ben.api().postEmpty("/chat_accept_invite?token=" + token + "&user_id=" + ben.id());
        var again = ben.api().postEmpty("/chat_accept_invite/?token=" + token + "&user_id=" + ben.id());

        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals(json("{\"status\": \"ok\", \"chat_id\": \"" + group + "\", \"joined\": true}"), accepted.json());
        assertEquals(json("{\"status\": \"ok\", \"chat_id\": \"" + group + "\", \"joined\": false}"), again.json());
        assertEquals(List.of(group), chatIds(ben));
    }

    @Test
    void acceptInviteWithTheParametersInTheBodyJoinsTheGroupAndTakesAWholeLink() {
        User ann = user("ann");
        User ben = user("ben");
        User cat = user("cat");
        String group = group(ann, "Painters");
        JsonNode invite =
                ann.api().post("/chat_generate_invite", invite(group, ann)).json();

        var byToken = ben.api()
                .post(
                        "/chat_accept_invite",
                        Map.of("token", invite.path("token").asText(), "user_id", ben.id()));
        var byLink = cat.api()
                .post(
                        "/chat_accept_invite",
                        Map.of("token", invite.path("invite_link").asText(), "user_id", cat.id()));

        for (var accepted : List.of(byToken, byLink)) {
            assertEquals(200, accepted.status(), accepted.toString());
            assertEquals(
                    json("{\"status\": \"ok\", \"chat_id\": \"" + group + "\", \"joined\": true}"), accepted.json());
        }
        assertEquals(List.of(group), chatIds(ben));
        assertEquals(List.of(group), chatIds(cat));
    }

    @Test
    void acceptInviteAnswers404ForAnUnknownTokenAndJoinsNobody() {
        User eve = user("eve");
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        assertDialectError(
                eve.api().post("/chat_accept_invite", Map.of("token", unknown, "user_id", eve.id())),
                404,
                "invite_not_found",
                null);
        assertEquals(List.of(), chatIds(eve));
    }

    @Test
    void acceptInviteAnswers400ForAUsedUpOrRevokedInviteAndJoinsNobody() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String group = group(ann, "Strict");
        String usedUp = ann.api()
                .post("/api/v1/chats/" + group + "/invites/", Map.of("max_uses", 1))
                .json()
                .path("token")
                .asText();
        assertEquals(
                200,
                ben.api()
                        .post("/chat_accept_invite", Map.of("token", usedUp, "user_id", ben.id()))
                        .status());
        JsonNode revoked =
                ann.api().post("/api/v1/chats/" + group + "/invites/", Map.of()).json();
        assertEquals(
                200,
                ann.api()
                        .delete("/api/v1/invites/" + revoked.path("uuid").asText() + "/")
                        .status());

        assertDialectError(
                eve.api().post("/chat_accept_invite", Map.of("token", usedUp, "user_id", eve.id())),
                400,
                "invite_used_up",
                null);
        assertDialectError(
                eve.api()
                        .post(
                                "/chat_accept_invite",
                                Map.of("token", revoked.path("token").asText(), "user_id", eve.id())),
                400,
                "invite_revoked",
                null);
        assertEquals(List.of(), chatIds(eve));
    }

    @Test
    void acceptInviteAnswers403ForAUserIdThatIsNotTheCallersAndJoinsNobody() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String live = generateInvite(ann, group(ann, "Strict"));

        assertDialectError(
                eve.api().post("/chat_accept_invite", Map.of("token", live, "user_id", ann.id())),
                403,
                "not_the_caller",
                null);
        assertDialectError(
                eve.api().postEmpty("/chat_accept_invite?token=" + live + "&user_id=" + ben.id()),
                403,
                "not_the_caller",
                null);
        assertEquals(List.of(), chatIds(eve));
        assertEquals(List.of(), chatIds(ben));
    }

    @Test
    void acceptInviteAnswers400NamingAMissingTokenOrUserIdAndJoinsNobody() {
        User ann = user("ann");
        User eve = user("eve");
        String live = generateInvite(ann, group(ann, "Strict"));

        assertDialectError(
                eve.api().post("/chat_accept_invite", Map.of("user_id", eve.id())), 400, "invalid_input", "token");
        assertDialectError(eve.api().postEmpty("/chat_accept_invite?token=" + live), 400, "invalid_input", "user_id");
        assertEquals(List.of(), chatIds(eve));
    }

    // --- 6. POST /send_message -----------------------------------------------------------------------

    @Test
    void sendMessageAnswersTheMessageIdAndTheOtherMemberSeesItUnread() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);

        var sent = ann.api().post("/send_message", Map.of("content", "Привет, Ben", "connect", connect(chat, ann)));

        assertEquals(200, sent.status(), sent.toString());
        assertEquals(Set.of("message_id", "status"), keys(sent.json()));
        assertEquals("ok", sent.json().path("status").asText());
        JsonNode benSees = statusOf(ben).get(0);
        assertEquals(1, benSees.path("unread_messages_count").asInt());
        assertEquals(
                sent.json().path("message_id").asText(),
                benSees.path("last_message").path("message_id").asText());
        assertEquals("Привет, Ben", benSees.path("last_message").path("content").asText());
        assertEquals(ann.id(), benSees.path("last_message").path("sender_id").asText());
        assertEquals(0, unreadIn(ann, chat));
    }

    @Test
    void sendMessageRefusesBlankMissingTooLongOrNonTextContentWith400AndStoresNothing() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);

        assertDialectError(
                ann.api().post("/send_message", Map.of("content", "   ", "connect", connect(chat, ann))),
                400,
                "invalid_input",
                "content");
        assertDialectError(
                ann.api().post("/send_message", Map.of("connect", connect(chat, ann))),
                400,
                "invalid_input",
                "content");
        assertDialectError(
                ann.api().post("/send_message", Map.of("content", "x".repeat(4001), "connect", connect(chat, ann))),
                400,
                "invalid_input",
                "content");
        assertDialectError(
                ann.api().post("/send_message", Map.of("content", 5, "connect", connect(chat, ann))),
                400,
                "bad_request",
                "content");
        assertEquals(List.of(), messageIdsIn(chat, ben));
    }

    @Test
    void sendMessageNamesAMissingConnectFieldWith400AndAnUnknownChatWith404() {
        User ann = user("ann");
        User ben = user("ben");
        String chat = privateChat(ann, ben);

        assertDialectError(
                ann.api().post("/send_message", Map.of("content", "hi")), 400, "invalid_input", "connect.user.id");
        assertDialectError(
                ann.api()
                        .post(
                                "/send_message",
                                Map.of("content", "hi", "connect", Map.of("user", Map.of("id", ann.id())))),
                400,
                "invalid_input",
                "connect.chat.id");
        assertDialectError(
                ann.api()
                        .post(
                                "/send_message",
                                Map.of(
                                        "content",
                                        "hi",
                                        "connect",
                                        connect(UUID.randomUUID().toString(), ann))),
                404,
                "chat_not_found",
                null);
        assertEquals(List.of(), messageIdsIn(chat, ben));
    }

    @Test
    void sendMessageInAnotherUsersNameIs403AndStoresNothing() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String chat = privateChat(ann, ben);

        assertDialectError(
                eve.api().post("/send_message", Map.of("content", "as ann", "connect", connect(chat, ann))),
                403,
                "not_the_caller",
                null);
        assertEquals(List.of(), messageIdsIn(chat, ben));
    }

    @Test
    void sendMessageFromANonMemberIs403AndStoresNothing() {
        User ann = user("ann");
        User ben = user("ben");
        User eve = user("eve");
        String chat = privateChat(ann, ben);

        assertDialectError(
                eve.api().post("/send_message", Map.of("content", "hi", "connect", connect(chat, eve))),
                403,
                "not_a_member",
                null);
        assertEquals(List.of(), messageIdsIn(chat, ben));
    }

    // --- 7. GET /status --------------------------------------------------------------------------------

    @Test
    void statusTakesTheUserIdAsAJsonBodyOnGetAndListsEveryChatWithItsUnreadCount() {
        User ann = user("ann");
        User ben = user("ben");
        String pair = privateChat(ann, ben);
        String group = group(ann, "Quiet");
        String last = send(ben, pair, "ping");
        send(ben, pair, "pong");

        var status = getWithBody(ann, "/status", "{\"id\": \"" + ann.id() + "\"}");

        assertEquals(200, status.status(), status.toString());
        JsonNode chats = status.json();
        assertTrue(chats.isArray(), status.toString());
        assertEquals(List.of(pair, group), texts(chats, "chat_id"), "most recently active first");
        JsonNode quiet = chats.get(1);
        assertEquals(Set.of("chat_id", "name", "is_private", "unread_messages_count", "last_message"), keys(quiet));
        assertEquals("Quiet", quiet.path("name").asText());
        assertFalse(quiet.path("is_private").asBoolean(true));
        assertEquals(0, quiet.path("unread_messages_count").asInt());
        assertTrue(quiet.path("last_message").isNull());
        JsonNode withBen = chats.get(0);
        assertEquals(ben.username(), withBen.path("name").asText());
        assertTrue(withBen.path("is_private").asBoolean(false));
        assertEquals(2, withBen.path("unread_messages_count").asInt());
        assertEquals("pong", withBen.path("last_message").path("content").asText());
        assertNotEquals(last, withBen.path("last_message").path("message_id").asText());
        assertEquals(
                Set.of("message_id", "sender_id", "sender_username", "content", "created_at"),
                keys(withBen.path("last_message")));
    }

    @Test
    void statusAlsoTakesTheIdAsAQueryParameterAndByPost() {
        User ann = user("ann");
        User ben = user("ben");
        String pair = privateChat(ann, ben);
        send(ben, pair, "hi");

        var byQuery = ann.api().get("/status?id=" + ann.id());
        var byPost = ann.api().post("/status/", Map.of("id", ann.id()));
        var byGetWithSlash = getWithBody(ann, "/status/", "{\"id\": \"" + ann.id() + "\"}");

        for (var status : List.of(byQuery, byPost, byGetWithSlash)) {
            assertEquals(200, status.status(), status.toString());
            assertEquals(List.of(pair), texts(status.json(), "chat_id"));
            assertEquals(1, status.json().get(0).path("unread_messages_count").asInt());
        }
    }

    @Test
    void statusForAnotherUserIsForbiddenAndABadOrMissingIdIsABadRequest() {
        User ann = user("ann");
        User ben = user("ben");

        assertDialectError(getWithBody(ann, "/status", "{\"id\": \"" + ben.id() + "\"}"), 403, "not_the_caller", null);
        assertDialectError(ann.api().get("/status?id=" + ben.id()), 403, "not_the_caller", null);
        assertDialectError(getWithBody(ann, "/status", ""), 400, "invalid_input", "id");
        assertDialectError(getWithBody(ann, "/status", "{\"id\": \"me\"}"), 400, "invalid_input", "id");
        assertDialectError(getWithBody(ann, "/status", "{\"id\": [1]}"), 400, "invalid_input", "id");
        assertDialectError(getWithBody(ann, "/status", "{\"id\": "), 400, "bad_request", null);
    }

    // --- 8. POST /create_user ----------------------------------------------------------------------------

    @Test
    void createUserNeedsNoTokenAndAnswers201WithTheIdAndATokenToGoOnWith() {
        String username = "newbie" + names.incrementAndGet();

        var created = server.anonymous().post("/create_user", Map.of("username", username));

        assertEquals(201, created.status(), created.toString());
        JsonNode body = created.json();
        assertEquals(Set.of("id", "username", "token", "token_type"), keys(body));
        UUID.fromString(body.path("id").asText());
        assertEquals(username, body.path("username").asText());
        assertEquals("Bearer", body.path("token_type").asText());
        ApiClient api = server.anonymous().withToken(body.path("token").asText());
        assertEquals(
                body.path("id").asText(),
                api.get("/get_user_id?username=" + username).json().path("id").asText());
        assertEquals(
                json("[]"), api.get("/status?id=" + body.path("id").asText()).json());
    }

    @Test
    void createUserRefusesATakenOrInvalidUsername() {
        User ann = user("ann");

        assertDialectError(
                server.anonymous()
                        .post("/create_user", Map.of("username", ann.username().toUpperCase())),
                409,
                "username_taken",
                null);
        assertDialectError(
                server.anonymous().post("/create_user/", Map.of("username", "a")), 400, "invalid_input", "username");
        assertDialectError(
                server.anonymous().post("/create_user", Map.of("username", "no spaces allowed")),
                400,
                "invalid_input",
                "username");
        assertDialectError(server.anonymous().post("/create_user", Map.of()), 400, "invalid_input", "username");
        assertDialectError(
                server.anonymous().post("/create_user", Map.of("username", 42)), 400, "bad_request", "username");
        assertEquals(404, ann.api().get("/get_user_id?username=a").status());
    }

    // --- 9. GET /get_user_id -------------------------------------------------------------------------------

    @Test
    void getUserIdFindsAUserByUsernameFromABodyOnGetAQueryParameterOrAPost() {
        User ann = user("ann");
        User ben = user("ben");

        var byBody = getWithBody(ann, "/get_user_id", "{\"username\": \"" + ben.username() + "\"}");
        var byQuery = ann.api().get("/get_user_id/?username=" + ben.username().toUpperCase());
        var byPost = ann.api().post("/get_user_id", Map.of("username", ben.username()));

        for (var found : List.of(byBody, byQuery, byPost)) {
            assertEquals(200, found.status(), found.toString());
            assertEquals(json("{\"id\": \"" + ben.id() + "\"}"), found.json());
        }
    }

    @Test
    void getUserIdAnswers404ForAnUnknownUsernameAnd400WithoutOne() {
        User ann = user("ann");

        assertDialectError(
                getWithBody(ann, "/get_user_id", "{\"username\": \"nobody-here\"}"), 404, "user_not_found", null);
        assertDialectError(getWithBody(ann, "/get_user_id", "{}"), 400, "invalid_input", "username");
        assertDialectError(ann.api().get("/get_user_id"), 400, "invalid_input", "username");
        assertDialectError(getWithBody(ann, "/get_user_id", "{\"username\": 7}"), 400, "bad_request", "username");
    }

    // --- Notes: every call needs a token (but /create_user); errors carry a body with details ---------------

    @Test
    void everyEndpointButCreateUserNeedsATokenAndSays401InTheDocumentsErrorShape() {
        User ann = user("ann");
        String chat = group(ann, "Locked");
        ApiClient anonymous = server.anonymous();
        ApiClient forged = server.anonymous().withToken(ann.api().token() + "x");
        Map<String, Object> body = Map.of("id", ann.id(), "chat", Map.of("id", chat), "user", Map.of("id", ann.id()));

        for (ApiClient client : List.of(anonymous, forged)) {
            String code = client == anonymous ? "unauthorized" : "invalid_token";
            for (String path : List.of(
                    "/create_chat",
                    "/connect",
                    "/upload_file",
                    "/chat_generate_invite",
                    "/chat_accept_invite",
                    "/send_message",
                    "/status",
                    "/get_user_id",
                    "/status/",
                    "/connect/")) {
                assertDialectError(client.post(path, body), 401, code, null);
            }
            assertDialectError(client.get("/status?id=" + ann.id()), 401, code, null);
            assertDialectError(client.get("/get_user_id?username=" + ann.username()), 401, code, null);
        }
        assertEquals(0, unreadIn(ann, chat));
    }

    @Test
    void aWrongMethodOnADocumentPathIsRefusedInTheDocumentsShapeAndOtherPathsKeepTheirOwn() {
        User ann = user("ann");

        assertDialectError(ann.api().get("/create_chat"), 405, "method_not_allowed", null);
        assertDialectError(ann.api().delete("/send_message/"), 405, "method_not_allowed", null);
        assertDialectError(
                ann.api().postRaw("/send_message", "text/plain", "hello"), 415, "unsupported_media_type", null);
        var elsewhere = ann.api().get("/create_chats");
        assertEquals(404, elsewhere.status());
        assertEquals("error", elsewhere.json().path("status").asText(), elsewhere.toString());
        assertTrue(elsewhere.json().path("detail").isMissingNode(), elsewhere.toString());
    }

    @Test
    void theErrorDialectOwnsExactlyTheNineDocumentPaths() {
        Seed000Errors errors = new Seed000Errors();
        for (String path : List.of(
                "create_chat",
                "connect",
                "upload_file",
                "chat_generate_invite",
                "chat_accept_invite",
                "send_message",
                "status",
                "create_user",
                "get_user_id")) {
            assertTrue(errors.owns("/" + path), path);
            assertTrue(errors.owns("/" + path + "/"), path);
            assertFalse(errors.owns("/" + path + "//"), path);
            assertFalse(errors.owns("/" + path + "/x"), path);
            assertFalse(errors.owns("/api/v1/" + path), path);
            assertFalse(errors.owns("/" + path + "s"), path);
        }
        for (String path : List.of("/", "/health", "/invite/abc", "/api/v1/chats/", "/register", "/chats")) {
            assertFalse(errors.owns(path), path);
        }
    }

    // --- helpers: a client of the document --------------------------------------------------------------

    private static User user(String prefix) {
        String username = prefix + names.incrementAndGet();
        var created = server.anonymous().post("/create_user", Map.of("username", username));
        assertEquals(201, created.status(), created.toString());
        return new User(
                created.json().path("id").asText(),
                username,
                server.anonymous().withToken(created.json().path("token").asText()));
    }

    private static String privateChat(User owner, User other) {
        var created = owner.api()
                .post(
                        "/create_chat",
                        Map.of(
                                "chat", Map.of("name", "", "is_private", true),
                                "owner", Map.of("id", owner.id()),
                                "members", List.of(other.id())));
        assertEquals(201, created.status(), created.toString());
        return created.json().path("chat_id").asText();
    }

    private static String group(User owner, String name, User... members) {
        var created = owner.api()
                .post(
                        "/create_chat",
                        Map.of(
                                "chat", Map.of("name", name, "is_private", false),
                                "owner", Map.of("id", owner.id()),
                                "members",
                                        java.util.Arrays.stream(members)
                                                .map(User::id)
                                                .toList()));
        assertEquals(201, created.status(), created.toString());
        return created.json().path("chat_id").asText();
    }

    private static Map<String, Object> connect(String chat, User user) {
        return Map.of("chat", Map.of("id", chat), "user", Map.of("id", user.id()));
    }

    private static Map<String, Object> invite(String chat, User inviter) {
        return Map.of("chat", Map.of("id", chat), "inviter", Map.of("id", inviter.id()));
    }

    private static Map<String, Object> upload(String chat, User user, String name, Object content) {
        return Map.of(
                "file",
                Map.of("name", name, "content", content),
                "chat",
                Map.of("id", chat),
                "user",
                Map.of("id", user.id()));
    }

    private static String send(User sender, String chat, String content) {
        var sent = sender.api().post("/send_message", Map.of("content", content, "connect", connect(chat, sender)));
        assertEquals(200, sent.status(), sent.toString());
        return sent.json().path("message_id").asText();
    }

    private static String generateInvite(User inviter, String group) {
        var invite = inviter.api().post("/chat_generate_invite", invite(group, inviter));
        assertEquals(200, invite.status(), invite.toString());
        return invite.json().path("token").asText();
    }

    private static JsonNode statusOf(User user) {
        var status = user.api().post("/status", Map.of("id", user.id()));
        assertEquals(200, status.status(), status.toString());
        return status.json();
    }

    /** The messages of the chat as its member {@code reader} sees them through seed 000's {@code /connect}. */
    private static List<String> messageIdsIn(String chat, User reader) {
        return texts(reader.api().post("/connect", connect(chat, reader)).json().path("last_messages"), "message_id");
    }

    private static List<String> chatIds(User user) {
        return texts(statusOf(user), "chat_id");
    }

    private static int unreadIn(User user, String chat) {
        for (JsonNode row : statusOf(user)) {
            if (row.path("chat_id").asText().equals(chat)) {
                return row.path("unread_messages_count").asInt();
            }
        }
        throw new AssertionError(user.username() + " does not have chat " + chat);
    }

    /** GET with a JSON body, as the document's {@code /status} and {@code /get_user_id} take it. */
    private static ApiClient.Response getWithBody(User user, String path, String body) {
        return user.api().getWithBody(path, body);
    }

    /** Seed 000's error: {@code {"detail", "code", "status", "field"?}} and nothing else, in JSON. */
    private static void assertDialectError(ApiClient.Response actual, int status, String code, String field) {
        assertEquals(status, actual.status(), actual.toString());
        assertTrue(
                actual.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                actual.toString());
        JsonNode body = actual.json();
        assertTrue(
                body.path("detail").isTextual() && !body.path("detail").asText().isBlank(), actual.toString());
        ObjectNode expected = JSON.createObjectNode()
                .put("detail", body.path("detail").asText())
                .put("code", code)
                .put("status", status);
        if (field != null) {
            expected.put("field", field);
        }
        assertEquals(expected, body, actual.toString());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
