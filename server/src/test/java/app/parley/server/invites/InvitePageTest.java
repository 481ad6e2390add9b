package app.parley.server.invites;

import static app.parley.server.invites.Invites.accept;
import static app.parley.server.invites.Invites.group;
import static app.parley.server.invites.Invites.invite;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.invites.Invites.Group;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web page an invite's http link opens: public, escaped, and honest about dead invites. */
class InvitePageTest {
    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static ApiClient.Response page(JsonNode invite) {
        return server.anonymous().get("/invite/" + invite.get("token").asText());
    }

    /** An HTML answer with this status and the headers that keep the token in the URL out of referrers and caches. */
    private static void assertHtmlPage(int status, ApiClient.Response response) {
        assertEquals(status, response.status(), response.toString());
        var headers = response.headers();
        assertTrue(headers.firstValue("content-type").orElse("").startsWith("text/html"), headers.toString());
        assertEquals("no-referrer", headers.firstValue("referrer-policy").orElse(null), headers.toString());
        assertTrue(
                headers.firstValue("content-security-policy").orElse("").contains("default-src 'none'"),
                headers.toString());
        assertEquals("no-store", headers.firstValue("cache-control").orElse(null), headers.toString());
        assertTrue(response.body().startsWith("<!DOCTYPE html>"), response.body());
    }

    private static void rename(TestUser user, String name) {
        ApiClient.Response renamed = user.api().post("/api/v1/user", Map.of("name", name));
        assertEquals(200, renamed.status(), renamed.toString());
    }

    @Test
    void anActiveInvitesPageNamesTheGroupAndTheInviterAndOpensTheApp() {
        TestUser owner = server.register("owner");
        TestUser member = server.register("member");
        Group group = group(owner, "Night owls", member);
        JsonNode invite = invite(member, group.id());

        ApiClient.Response page = server.anonymous().get(invite.get("web_link").asText());

        assertHtmlPage(200, page);
        String body = page.body();
        assertTrue(body.contains("<title>Join Night owls · Parley</title>"), body);
        assertTrue(body.contains("<h1>Night owls</h1>"), body);
        assertTrue(body.contains(member.username() + " invites you to join"), body);
        assertTrue(body.contains("2 members"), body);
        assertTrue(body.contains("href=\"parley://invite/" + invite.get("token").asText() + "\""), body);
        assertTrue(body.contains("http://localhost:" + server.port()), body);
        // Seeing the page joins nobody and uses nothing.
        assertEquals(0, Invites.reload(member, invite).get("uses").asInt());
    }

    @Test
    void anUnknownInviteIsANotFoundPage() {
        ApiClient.Response unknown = server.anonymous().get("/invite/" + "B".repeat(43));
        ApiClient.Response tooLong = server.anonymous().get("/invite/" + "C".repeat(200));

        assertHtmlPage(404, unknown);
        assertTrue(unknown.body().contains("This invite does not exist"), unknown.body());
        assertFalse(unknown.body().contains("parley://invite/"), unknown.body());
        assertHtmlPage(404, tooLong);
    }

    @Test
    void aRevokedInvitesPageSaysItWasWithdrawnAndOffersNoWayIn() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Withdrawn");
        JsonNode invite = invite(owner, group.id());
        assertEquals(
                200,
                owner.api()
                        .delete("/api/v1/invites/" + invite.get("id").asLong())
                        .status());

        ApiClient.Response page = page(invite);

        assertHtmlPage(410, page);
        assertTrue(page.body().contains("This invite to Withdrawn was withdrawn"), page.body());
        assertTrue(page.body().contains("Ask " + owner.username() + " for a new link"), page.body());
        assertFalse(page.body().contains("parley://invite/"), page.body());
    }

    @Test
    void anExpiredInvitesPageSaysItHasExpired() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Fleeting");
        JsonNode invite = invite(owner, group.id(), Map.of("expires_in_seconds", 1));
        assertHtmlPage(200, page(invite));

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> page(invite).status() == 410);

        ApiClient.Response page = page(invite);
        assertHtmlPage(410, page);
        assertTrue(page.body().contains("This invite to Fleeting has expired"), page.body());
        assertFalse(page.body().contains("parley://invite/"), page.body());
    }

    @Test
    void aUsedUpInvitesPageSaysSo() {
        TestUser owner = server.register("owner");
        TestUser joiner = server.register("joiner");
        Group group = group(owner, "Single seat");
        JsonNode invite = invite(owner, group.id(), Map.of("max_uses", 1));
        assertEquals(200, accept(joiner, invite).status());

        ApiClient.Response page = page(invite);

        assertHtmlPage(410, page);
        assertTrue(
                page.body().contains("This invite to Single seat has been used as many times as it allows"),
                page.body());
        assertFalse(page.body().contains("parley://invite/"), page.body());
    }

    @Test
    void namesThatLookLikeHtmlAreShownAsText() {
        TestUser owner = server.register("owner");
        rename(owner, "<img src=x onerror=alert(2)>");
        Group group = group(owner, "<script>alert(1)</script>");
        JsonNode live = invite(owner, group.id());
        JsonNode dead = invite(owner, group.id());
        assertEquals(
                200,
                owner.api()
                        .delete("/api/v1/invites/" + dead.get("uuid").asText())
                        .status());

        for (ApiClient.Response page : new ApiClient.Response[] {page(live), page(dead)}) {
            String body = page.body();
            assertFalse(body.contains("<script>"), body);
            assertFalse(body.contains("<img"), body);
            assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), body);
            assertTrue(body.contains("&lt;img src=x onerror=alert(2)&gt;"), body);
        }
        assertHtmlPage(200, page(live));
        assertHtmlPage(410, page(dead));
    }

    @Test
    void aGroupNamedLikeAPlaceholderOfThePageIsShownByItsName() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "{{title}}");
        JsonNode live = invite(owner, group.id());
        JsonNode dead = invite(owner, group.id());
        assertEquals(
                200,
                owner.api().delete("/api/v1/invites/" + dead.get("id").asLong()).status());

        String livePage = page(live).body();
        String deadPage = page(dead).body();

        assertTrue(livePage.contains("<title>Join {{title}} · Parley</title>"), livePage);
        assertTrue(livePage.contains("<h1>{{title}}</h1>"), livePage);
        assertTrue(deadPage.contains("<h1>This invite to {{title}} was withdrawn</h1>"), deadPage);
    }
}
