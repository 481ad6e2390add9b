package app.parley.server.invites;

import static app.parley.server.invites.Invites.group;
import static app.parley.server.invites.Invites.invite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.invites.Invites.Group;
import app.parley.server.support.ApiClient;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code parley.invites.link-address} set (as the hosting app sets it), web links name that
 * address rather than the one the caller used, which may be this machine's loopback.
 */
class InviteLinkAddressApiTest {
    @RegisterExtension
    static final RunningServer server =
            new RunningServer().withProperty("parley.invites.link-address", "https://192.0.2.7:8443/");

    @Test
    void canonicalInvitesNameTheConfiguredAddress() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Hikers");

        JsonNode created = invite(owner, group.id());
        String token = created.get("token").asText();

        assertEquals(
                "https://192.0.2.7:8443/invite/" + token,
                created.get("web_link").asText());
        ApiClient.Response listed = owner.api().get("/api/v1/chats/" + group.id() + "/invites");
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(
                "https://192.0.2.7:8443/invite/" + token,
                listed.json().get("invites").get(0).get("web_link").asText());
    }

    @Test
    void theSeedDialectsGeneratedInviteNamesItToo() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Rowers");

        ApiClient.Response generated = owner.api()
                .post(
                        "/chat_generate_invite",
                        Map.of(
                                "chat",
                                Map.of("id", String.valueOf(group.id())),
                                "inviter",
                                Map.of("id", String.valueOf(owner.id()))));

        assertEquals(200, generated.status(), generated.toString());
        String token = generated.json().get("token").asText();
        assertEquals(
                "https://192.0.2.7:8443/invite/" + token,
                generated.json().get("invite_link").asText());
    }
}
