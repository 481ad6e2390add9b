package app.parley.server.invites;

import static app.parley.server.invites.Invites.group;
import static app.parley.server.invites.Invites.invite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.server.discovery.AnnouncedAddress;
import app.parley.server.invites.Invites.Group;
import app.parley.server.support.RunningServer;
import app.parley.server.support.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code {lan}} in {@code parley.invites.link-address} (as the hosting app sets it) is this
 * machine's LAN address when each link is made, so links follow the machine to a new network.
 */
class InviteLinkLanAddressApiTest {
    @RegisterExtension
    static final RunningServer server =
            new RunningServer().withProperty("parley.invites.link-address", "https://{lan}:8443");

    @Test
    void linksNameThisMachinesLanAddressOfTheMoment() {
        TestUser owner = server.register("owner");
        Group group = group(owner, "Sailors");

        JsonNode created = invite(owner, group.id());

        assertEquals(
                "https://" + AnnouncedAddress.lanHost() + ":8443/invite/"
                        + created.get("token").asText(),
                created.get("web_link").asText());
    }
}
