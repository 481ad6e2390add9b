package app.parley.server.invites;

import static app.parley.server.invites.Invites.accept;
import static app.parley.server.invites.Invites.group;
import static app.parley.server.invites.Invites.ids;
import static app.parley.server.invites.Invites.invite;
import static app.parley.server.invites.Invites.memberIds;
import static app.parley.server.invites.Invites.reload;
import static app.parley.server.support.ApiAssertions.assertError;
import static app.parley.server.support.ApiAssertions.assertJson;
import static app.parley.server.support.ApiAssertions.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.invites.Invites.Group;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invite links to groups over the API: create, list, preview, accept and revoke, and every way they refuse. */
class InvitesApiTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

    private static JsonNode userRef(TestUser user) {
        return json("{\"id\": %d, \"name\": \"%s\", \"username\": \"%s\"}"
                .formatted(user.id(), user.username(), user.username()));
    }

    private static List<Long> listedIds(ApiClient.Response response) {
        assertEquals(200, response.status(), response.toString());
        List<Long> ids = new ArrayList<>();
        response.json()
                .get("invites")
                .forEach(invite -> ids.add(invite.get("id").asLong()));
        return ids;
    }

    private static JsonNode preview(TestUser user, JsonNode invite) {
        ApiClient.Response response =
                user.api().get("/api/v1/invites/" + invite.get("token").asText() + "/preview");
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static void assertJoined(Group group, ApiClient.Response response, boolean joined) {
        assertJson(
                200,
                """
                {"status": "ok", "chat_id": %d, "chat_uuid": "%s", "chat_name": "%s", "room_name": "group_%d", "joined": %b}\
                """.formatted(
                                group.id(),
                                group.uuid(),
                                response.json().path("chat_name").asText(),
                                group.id(),
                                joined),
                response);
    }

    // --- POST /api/v1/chats/{id}/invites ----------------------------------------------------------------

    @Test
    void anyMemberCreatesAnInviteWithAFreshTokenAndBothLinks() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        Group group = group(owner, "Climbers", member);

        ApiClient.Response created = member.api().postEmpty("/api/v1/chats/" + group.id() + "/invites");

        assertEquals(201, created.status(), created.toString());
        JsonNode invite = created.json();
        String token = invite.get("token").asText();
        assertTrue(TOKEN.matcher(token).matches(), token);
        UUID.fromString(invite.get("uuid").asText());
        Instant createdAt = Instant.parse(invite.get("created_at").asText());
        assertTrue(Duration.between(createdAt, Instant.now()).abs().toSeconds() < 60, createdAt.toString());
        assertJson(
                201,
                """
                {"id": %d, "uuid": "%s", "token": "%s", "chat_id": %d, "chat_name": "Climbers", "inviter": %s,
                 "created_at": "%s", "expires_at": null, "max_uses": null, "uses": 0, "revoked": false, "state": "active",
                 "link": "parley://invite/%s", "web_link": "http://localhost:%d/invite/%s"}\
                """.formatted(
                                invite.get("id").asLong(),
                                invite.get("uuid").asText(),
                                token,
                                group.id(),
                                userRef(member),
                                invite.get("created_at").asText(),
                                token,
                                server.port(),
                                token),
                created);

        JsonNode second = invite(member, group.id());
        assertNotEquals(token, second.get("token").asText());
        assertNotEquals(invite.get("uuid"), second.get("uuid"));
        assertNotEquals(invite.get("id"), second.get("id"));
    }

    @Test
    void anInviteCarriesTheExpiryAndUseLimitItWasGiven() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Limited");
        Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        JsonNode inAnHour = invite(owner, group.id(), Map.of("expires_in_seconds", 3600, "max_uses", 5));
        JsonNode atADate = invite(owner, group.id(), Map.of("expires_at", at.toString()));

        Instant createdAt = Instant.parse(inAnHour.get("created_at").asText());
        Duration lifetime = Duration.between(
                createdAt, Instant.parse(inAnHour.get("expires_at").asText()));
        assertTrue(lifetime.minusSeconds(3600).abs().toMillis() < 1000, lifetime.toString());
        assertEquals(5, inAnHour.get("max_uses").asInt());
        assertEquals("active", inAnHour.get("state").asText());
        assertEquals(at, Instant.parse(atADate.get("expires_at").asText()));
        assertTrue(atADate.get("max_uses").isNull(), atADate.toString());
        // As stored: the same limits when listed again.
        assertEquals(5, reload(owner, inAnHour).get("max_uses").asInt());
        assertEquals(at, Instant.parse(reload(owner, atADate).get("expires_at").asText()));
    }

    @Test
    void theLargestAllowedLimitsAreAccepted() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Edges");

        JsonNode invite = invite(owner, group.id(), Map.of("expires_in_seconds", YEAR_SECONDS, "max_uses", 100_000));

        assertEquals(100_000, invite.get("max_uses").asInt());
        Duration lifetime = Duration.between(
                Instant.parse(invite.get("created_at").asText()),
                Instant.parse(invite.get("expires_at").asText()));
        assertTrue(lifetime.minusDays(365).abs().toMillis() < 1000, lifetime.toString());
    }

    @Test
    void badInviteOptionsAreRefusedAndNothingIsCreated() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Picky");
        String path = "/api/v1/chats/" + group.id() + "/invites";
        Instant now = Instant.now();
        ApiClient api = owner.api();

        assertError(api.post(path, Map.of("max_uses", 0)), 400, "invalid_input", "max_uses");
        assertError(api.post(path, Map.of("max_uses", -3)), 400, "invalid_input", "max_uses");
        assertError(api.post(path, Map.of("max_uses", 100_001)), 400, "invalid_input", "max_uses");
        assertError(api.post(path, Map.of("expires_in_seconds", 0)), 400, "invalid_input", "expires_in_seconds");
        assertError(api.post(path, Map.of("expires_in_seconds", -60)), 400, "invalid_input", "expires_in_seconds");
        assertError(
                api.post(path, Map.of("expires_in_seconds", YEAR_SECONDS + 1)),
                400,
                "invalid_input",
                "expires_in_seconds");
        assertError(
                api.post(path, Map.of("expires_at", now.minusSeconds(60).toString())),
                400,
                "invalid_input",
                "expires_at");
        assertError(
                api.post(
                        path,
                        Map.of("expires_at", now.plus(Duration.ofDays(366)).toString())),
                400,
                "invalid_input",
                "expires_at");
        assertError(
                api.post(
                        path,
                        Map.of(
                                "expires_in_seconds",
                                60,
                                "expires_at",
                                now.plusSeconds(60).toString())),
                400,
                "invalid_input",
                "expires_at");
        assertError(
                api.post(path, Map.of("max_uses", 2, "expires_in_seconds", 0)),
                400,
                "invalid_input",
                "expires_in_seconds");
        assertError(api.post(path, Map.of("max_uses", "many")), 400, "bad_request", "max_uses");
        assertError(api.postRaw(path, "application/json", "{\"max_uses\": 2.5}"), 400, "bad_request", "max_uses");
        assertError(
                api.post(path, Map.of("expires_in_seconds", List.of(60))), 400, "bad_request", "expires_in_seconds");
        assertError(api.post(path, Map.of("expires_at", "tomorrow")), 400, "bad_request", "expires_at");
        assertError(api.postRaw(path, "application/json", "{\"max_uses\": "), 400, "bad_request", null);

        assertEquals(List.of(), listedIds(api.get(path)));
        assertEquals(List.of(), listedIds(api.get("/api/v1/invites")));
    }

    @Test
    void onlyMembersOfAGroupCreateInvites() {
        TestUser owner = server.register("owner");
        TestUser outsider = server.register("outsider");
        TestUser friend = server.register("friend");
        Group group = group(owner, "Closed");
        ApiClient.Response privateChat = owner.api().postEmpty("/api/v1/chat/" + friend.id());
        assertEquals(200, privateChat.status(), privateChat.toString());
        long privateChatId = privateChat.json().get("chat").get("id").asLong();

        assertError(outsider.api().postEmpty("/api/v1/chats/" + group.id() + "/invites"), 403, "not_a_member", null);
        assertError(
                outsider.api().post("/api/v1/chats/" + group.uuid() + "/invites", Map.of("max_uses", 1)),
                403,
                "not_a_member",
                null);
        assertError(
                server.anonymous().postEmpty("/api/v1/chats/" + group.id() + "/invites"), 401, "unauthorized", null);
        assertError(owner.api().postEmpty("/api/v1/chats/999999/invites"), 404, "chat_not_found", null);
        assertError(
                owner.api().postEmpty("/api/v1/chats/" + privateChatId + "/invites"), 400, "invalid_input", "chat_id");
        assertError(outsider.api().postEmpty("/api/v1/chats/" + privateChatId + "/invites"), 403, "not_a_member", null);

        assertEquals(List.of(), listedIds(owner.api().get("/api/v1/chats/" + group.id() + "/invites")));
        assertEquals(List.of(), listedIds(owner.api().get("/api/v1/invites")));
        assertEquals(List.of(), listedIds(outsider.api().get("/api/v1/invites")));
        assertEquals(ids(owner), memberIds(owner, group.id()));
    }

    // --- GET /api/v1/chats/{id}/invites, GET /api/v1/invites ------------------------------------------------

    @Test
    void theOwnerSeesEveryInviteOfTheGroupAndOtherMembersOnlyTheirOwn() {
        TestUser owner = server.register("owner");
        TestUser ann = server.register("ann");
        TestUser ben = server.register("ben");
        TestUser outsider = server.register("outsider");
        Group group = group(owner, "Listed", ann, ben);
        Group other = group(ann, "Elsewhere");
        long byOwner = invite(owner, group.id()).get("id").asLong();
        JsonNode byAnn = invite(ann, group.id(), Map.of("max_uses", 3));
        long byBen = invite(ben, group.id()).get("id").asLong();
        long annElsewhere = invite(ann, other.id()).get("id").asLong();
        String path = "/api/v1/chats/" + group.id() + "/invites";

        assertEquals(
                List.of(byBen, byAnn.get("id").asLong(), byOwner),
                listedIds(owner.api().get(path)));
        assertEquals(List.of(byAnn.get("id").asLong()), listedIds(ann.api().get(path)));
        assertEquals(List.of(byBen), listedIds(ben.api().get(path)));
        assertError(outsider.api().get(path), 403, "not_a_member", null);
        assertError(server.anonymous().get(path), 401, "unauthorized", null);

        assertEquals(
                List.of(annElsewhere, byAnn.get("id").asLong()),
                listedIds(ann.api().get("/api/v1/invites")));
        assertEquals(List.of(byOwner), listedIds(owner.api().get("/api/v1/invites")));
        assertEquals(List.of(), listedIds(outsider.api().get("/api/v1/invites")));
        assertEquals(
                3,
                ann.api().get(path).json().get("invites").get(0).get("max_uses").asInt());
    }

    @Test
    void anInviteIsListedExactlyAsItsCreationDescribedIt() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Consistent");

        JsonNode created = invite(owner, group.id(), Map.of("expires_in_seconds", 600, "max_uses", 4));

        assertEquals(
                created,
                owner.api()
                        .get("/api/v1/chats/" + group.id() + "/invites")
                        .json()
                        .get("invites")
                        .get(0));
        assertEquals(created, reload(owner, created));
        assertEquals(created.get("expires_at"), preview(owner, created).get("expires_at"));
    }

    // --- preview and accept -----------------------------------------------------------------------------

    @Test
    void aThirdUserPreviewsAndAcceptsAnInviteAndBecomesAMember() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser newcomer = server.register("newcomer");
        Group group = group(owner, "Hikers", member);
        JsonNode invite = invite(member, group.id());
        String messages = "/api/v1/chats/" + group.id() + "/messages";
        assertError(newcomer.api().get(messages), 403, "not_a_member", null);

        assertJson(
                200,
                """
                {"chat_id": %d, "chat_uuid": "%s", "chat_name": "Hikers", "chat_description": "", "member_count": 2,
                 "inviter": %s, "expires_at": null, "state": "active", "already_member": false}\
                """.formatted(group.id(), group.uuid(), userRef(member)),
                newcomer.api().get("/api/v1/invites/" + invite.get("token").asText() + "/preview"));

        ApiClient.Response accepted = accept(newcomer, invite);

        assertJoined(group, accepted, true);
        assertEquals("Hikers", accepted.json().get("chat_name").asText());
        assertEquals(ids(owner, member, newcomer), memberIds(owner, group.id()));
        assertEquals(200, newcomer.api().get(messages).status());
        assertEquals(1, reload(member, invite).get("uses").asInt());
        assertEquals("active", reload(member, invite).get("state").asText());
        JsonNode after = preview(newcomer, invite);
        assertEquals(3, after.get("member_count").asInt());
        assertTrue(after.get("already_member").asBoolean(), after.toString());
    }

    @Test
    void acceptingAgainOrAsAMemberChangesNothing() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        TestUser newcomer = server.register("newcomer");
        Group group = group(owner, "Once", member);
        JsonNode invite = invite(owner, group.id(), Map.of("max_uses", 5));
        assertJoined(group, accept(newcomer, invite), true);

        assertJoined(group, accept(newcomer, invite), false);
        assertJoined(group, accept(member, invite), false);
        assertJoined(group, accept(owner, invite), false);

        assertEquals(ids(owner, member, newcomer), memberIds(owner, group.id()));
        assertEquals(1, reload(owner, invite).get("uses").asInt());
    }

    @Test
    void anInviteIsAcceptedByTokenOrByEitherLinkInTheBody() {
        TestUser owner = server.register("owner");
        TestUser byToken = server.register("bytoken");
        TestUser byAppLink = server.register("byapp");
        TestUser byWebLink = server.register("byweb");
        Group group = group(owner, "Linked");
        JsonNode invite = invite(owner, group.id());

        assertJoined(
                group,
                byToken.api()
                        .post(
                                "/api/v1/invites/accept",
                                Map.of("token", invite.get("token").asText())),
                true);
        assertJoined(
                group,
                byAppLink
                        .api()
                        .post(
                                "/api/v1/invites/accept",
                                Map.of("link", invite.get("link").asText())),
                true);
        assertJoined(
                group,
                byWebLink
                        .api()
                        .post(
                                "/api/v1/invites/accept",
                                Map.of("link", invite.get("web_link").asText())),
                true);

        assertEquals(ids(owner, byToken, byAppLink, byWebLink), memberIds(owner, group.id()));
        assertEquals(3, reload(owner, invite).get("uses").asInt());
    }

    @Test
    void acceptingWithSomethingThatIsNotAnInviteIsRefusedAndNothingChanges() {
        TestUser owner = server.register("owner");
        TestUser hopeful = server.register("hopeful");
        Group group = group(owner, "Guarded");
        JsonNode invite = invite(owner, group.id());
        String token = invite.get("token").asText();
        String unknown = "A".repeat(43);
        String accept = "/api/v1/invites/accept";

        assertError(hopeful.api().post(accept, Map.of("token", "short")), 400, "invalid_input", "token");
        assertError(hopeful.api().post(accept, Map.of("token", "not a token at all!")), 400, "invalid_input", "token");
        assertError(
                hopeful.api().post(accept, Map.of("link", "https://example.com/other/" + token)),
                400,
                "invalid_input",
                "token");
        assertError(hopeful.api().post(accept, Map.of("link", "ftp://invite/" + token)), 400, "invalid_input", "token");
        assertError(hopeful.api().post(accept, Map.of()), 400, "invalid_input", "token");
        assertError(hopeful.api().postEmpty(accept), 400, "invalid_input", "token");
        assertError(hopeful.api().post(accept, Map.of("token", unknown)), 404, "invite_not_found", null);
        assertError(
                hopeful.api().post(accept, Map.of("link", "parley://invite/" + unknown)),
                404,
                "invite_not_found",
                null);
        assertError(hopeful.api().postEmpty("/api/v1/invites/" + unknown + "/accept"), 404, "invite_not_found", null);
        assertError(hopeful.api().get("/api/v1/invites/" + unknown + "/preview"), 404, "invite_not_found", null);
        assertError(server.anonymous().postEmpty("/api/v1/invites/" + token + "/accept"), 401, "unauthorized", null);
        assertError(server.anonymous().get("/api/v1/invites/" + token + "/preview"), 401, "unauthorized", null);

        assertEquals(ids(owner), memberIds(owner, group.id()));
        assertEquals(0, reload(owner, invite).get("uses").asInt());
    }

    // --- expiry, use limit ------------------------------------------------------------------------------

    @Test
    void anExpiredInviteAdmitsNobody() {
        TestUser owner = server.register("owner");
        TestUser late = server.register("late");
        Group group = group(owner, "Brief");
        JsonNode invite = invite(owner, group.id(), Map.of("expires_in_seconds", 1));
        assertEquals("active", invite.get("state").asText());

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> preview(late, invite).get("state").asText().equals("expired"));

        assertError(accept(late, invite), 410, "invite_expired", null);
        assertError(
                late.api()
                        .post(
                                "/api/v1/invites/accept",
                                Map.of("link", invite.get("link").asText())),
                410,
                "invite_expired",
                null);
        assertEquals(ids(owner), memberIds(owner, group.id()));
        assertError(late.api().get("/api/v1/chats/" + group.id() + "/messages"), 403, "not_a_member", null);
        JsonNode stored = reload(owner, invite);
        assertEquals("expired", stored.get("state").asText());
        assertEquals(0, stored.get("uses").asInt());
        assertEquals(stored.get("expires_at"), preview(late, invite).get("expires_at"));
    }

    @Test
    void anInviteWithAUseLimitStopsAdmittingWhenItIsUsedUp() {
        TestUser owner = server.register("owner");
        TestUser first = server.register("first");
        TestUser second = server.register("second");
        TestUser third = server.register("third");
        Group group = group(owner, "Two seats");
        JsonNode invite = invite(owner, group.id(), Map.of("max_uses", 2));

        assertJoined(group, accept(first, invite), true);
        assertEquals("active", reload(owner, invite).get("state").asText());
        assertJoined(group, accept(second, invite), true);

        assertError(accept(third, invite), 410, "invite_used_up", null);
        assertEquals(ids(owner, first, second), memberIds(owner, group.id()));
        JsonNode stored = reload(owner, invite);
        assertEquals(2, stored.get("uses").asInt());
        assertEquals("used_up", stored.get("state").asText());
        assertEquals("used_up", preview(third, invite).get("state").asText());
        // One who got in still gets a plain "already a member" answer.
        assertJoined(group, accept(first, invite), false);
        assertEquals(2, reload(owner, invite).get("uses").asInt());
    }

    @Test
    void concurrentAcceptsAdmitExactlyAsManyAsTheUseLimit() throws Exception {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Rush");
        JsonNode invite = invite(owner, group.id(), Map.of("max_uses", 3));
        List<TestUser> crowd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            crowd.add(server.register("rusher"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(crowd.size());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Response>> answers = new ArrayList<>();
        try {
            for (TestUser user : crowd) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                            return accept(user, invite);
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Long> admitted = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < crowd.size(); i++) {
            ApiClient.Response response = answers.get(i).join();
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 200) {
                assertJoined(group, response, true);
                admitted.add(crowd.get(i).id());
            } else {
                assertError(response, 410, "invite_used_up", null);
            }
        }
        assertEquals(Map.of(200, 3, 410, 5), statuses);
        List<Long> members = memberIds(owner, group.id());
        assertEquals(4, members.size(), members.toString());
        assertTrue(members.containsAll(admitted), members + " vs " + admitted);
        JsonNode stored = reload(owner, invite);
        assertEquals(3, stored.get("uses").asInt());
        assertEquals("used_up", stored.get("state").asText());
    }

    // --- DELETE /api/v1/invites/{id} ---------------------------------------------------------------------

    @Test
    void theMakerRevokesAnInviteWhichThenAdmitsNobody() {
        TestUser owner = server.register("owner");
        TestUser maker = server.register("maker");
        TestUser joiner = server.register("joiner");
        TestUser late = server.register("late");
        Group group = group(owner, "Revocable", maker);
        JsonNode invite = invite(maker, group.id());
        assertJoined(group, accept(joiner, invite), true);

        assertJson(
                200,
                "{\"status\": \"ok\"}",
                maker.api().delete("/api/v1/invites/" + invite.get("id").asLong()));

        assertError(accept(late, invite), 410, "invite_revoked", null);
        assertError(
                late.api()
                        .post(
                                "/api/v1/invites/accept",
                                Map.of("token", invite.get("token").asText())),
                410,
                "invite_revoked",
                null);
        assertEquals(ids(owner, maker, joiner), memberIds(owner, group.id()));
        JsonNode stored = reload(maker, invite);
        assertEquals("revoked", stored.get("state").asText());
        assertTrue(stored.get("revoked").asBoolean(), stored.toString());
        assertEquals(1, stored.get("uses").asInt());
        assertEquals("revoked", preview(late, invite).get("state").asText());
        // Revoking again is fine, by id or by uuid, and changes nothing.
        assertJson(
                200,
                "{\"status\": \"ok\"}",
                maker.api().delete("/api/v1/invites/" + invite.get("id").asLong()));
        assertJson(
                200,
                "{\"status\": \"ok\"}",
                maker.api().delete("/api/v1/invites/" + invite.get("uuid").asText()));
        assertEquals(stored, reload(maker, invite));
    }

    @Test
    void theGroupsOwnerRevokesAMembersInviteByUuid() {
        TestUser owner = server.register("owner");
        TestUser maker = server.register("maker");
        TestUser late = server.register("late");
        Group group = group(owner, "Moderated", maker);
        JsonNode invite = invite(maker, group.id(), Map.of("max_uses", 10));

        assertJson(
                200,
                "{\"status\": \"ok\"}",
                owner.api().delete("/api/v1/invites/" + invite.get("uuid").asText()));

        assertError(accept(late, invite), 410, "invite_revoked", null);
        assertEquals(ids(owner, maker), memberIds(owner, group.id()));
        assertEquals("revoked", reload(maker, invite).get("state").asText());
    }

    @Test
    void otherMembersAndOutsidersCannotRevokeAnInvite() {
        TestUser owner = server.register("owner");
        TestUser maker = server.register("maker");
        TestUser other = server.register("other");
        TestUser outsider = server.register("outsider");
        TestUser joiner = server.register("joiner");
        Group group = group(owner, "Protected", maker, other);
        JsonNode invite = invite(maker, group.id());
        String byId = "/api/v1/invites/" + invite.get("id").asLong();
        String byUuid = "/api/v1/invites/" + invite.get("uuid").asText();

        assertError(other.api().delete(byId), 403, "not_the_inviter", null);
        assertError(other.api().delete(byUuid), 403, "not_the_inviter", null);
        assertError(outsider.api().delete(byId), 403, "not_the_inviter", null);
        assertError(server.anonymous().delete(byId), 401, "unauthorized", null);

        assertEquals("active", reload(maker, invite).get("state").asText());
        assertJoined(group, accept(joiner, invite), true);
    }

    @Test
    void revokingAnInviteThatDoesNotExistIsNotFound() {
        TestUser owner = server.register("owner");

        assertError(owner.api().delete("/api/v1/invites/999999"), 404, "invite_not_found", null);
        assertError(owner.api().delete("/api/v1/invites/" + UUID.randomUUID()), 404, "invite_not_found", null);
        assertError(owner.api().delete("/api/v1/invites/not-an-id"), 400, "invalid_input", "invite_id");
    }

    @Test
    void deletingTheGroupTakesItsInvitesWithIt() {
        TestUser owner = server.register("owner");
        TestUser maker = server.register("maker");
        TestUser late = server.register("late");
        Group group = group(owner, "Doomed", maker);
        JsonNode invite = invite(maker, group.id());

        assertEquals(200, owner.api().delete("/api/v1/group/" + group.id()).status());

        assertError(accept(late, invite), 404, "invite_not_found", null);
        assertError(
                late.api().get("/api/v1/invites/" + invite.get("token").asText() + "/preview"),
                404,
                "invite_not_found",
                null);
        assertError(maker.api().delete("/api/v1/invites/" + invite.get("id").asLong()), 404, "invite_not_found", null);
        assertEquals(List.of(), listedIds(maker.api().get("/api/v1/invites")));
    }

    @Test
    void anInviteStopsWorkingWhenItsMakerIsRemovedFromTheGroup() {
        TestUser owner = server.register("owner");
        TestUser maker = server.register("maker");
        TestUser late = server.register("late");
        Group group = group(owner, "Careful", maker);
        JsonNode invite = invite(maker, group.id());

        var removed = owner.api()
                .delete("/api/v1/group/" + group.id() + "/delete", Map.of("users", List.of(Map.of("id", maker.id()))));
        assertEquals(200, removed.status(), removed.toString());

        assertError(accept(late, invite), 410, "invite_revoked", null);
        assertEquals(ids(owner), memberIds(owner, group.id()));
        assertEquals("revoked", reload(maker, invite).get("state").asText());
    }

    // --- a group at its size limit ----------------------------------------------------------------------

    @Nested
    class InASmallGroup {
        @RegisterExtension
        static final RunningServer small = new RunningServer().withProperty("parley.limits.group-members-max", 2);

        @Test
        void aFullGroupRefusesTheNewcomerAndTheUseIsNotCounted() {
            TestUser owner = small.register("owner");
            TestUser first = small.register("first");
            TestUser second = small.register("second");
            Group group = group(owner, "Pair");
            JsonNode invite = invite(owner, group.id(), Map.of("max_uses", 5));
            assertJoined(group, accept(first, invite), true);

            assertError(accept(second, invite), 409, "group_full", null);
            assertError(
                    second.api()
                            .post(
                                    "/api/v1/invites/accept",
                                    Map.of("link", invite.get("web_link").asText())),
                    409,
                    "group_full",
                    null);

            assertEquals(ids(owner, first), memberIds(owner, group.id()));
            assertError(second.api().get("/api/v1/chats/" + group.id() + "/messages"), 403, "not_a_member", null);
            JsonNode stored = reload(owner, invite);
            assertEquals(1, stored.get("uses").asInt());
            assertEquals("active", stored.get("state").asText());
        }
    }
}
