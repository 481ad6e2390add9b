package app.parley.model.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two forms of an invite link, and reading the token back out of either (or of the bare token). */
class InviteLinkTest {
    private static final String TOKEN = "AbCdEf0123456789_-xyz";

    @Test
    void theAppLinkIsTheParleySchemeWithTheToken() {
        assertEquals("parley://invite/" + TOKEN, InviteLink.appLink(TOKEN));
    }

    @Test
    void theWebLinkIsTheServerAddressWithTheInvitePath() {
        assertEquals("http://192.168.1.5:8080/invite/" + TOKEN, InviteLink.webLink("http://192.168.1.5:8080", TOKEN));
        assertEquals("https://chat.example.org/invite/" + TOKEN, InviteLink.webLink("https://chat.example.org", TOKEN));
    }

    @Test
    void bothLinkFormsGiveTheirTokenBack() {
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf(InviteLink.appLink(TOKEN)));
        for (String base : new String[] {
            "http://localhost:8080", "https://chat.example.org", "http://[::1]:8080", "http://10.0.0.7:443"
        }) {
            assertEquals(Optional.of(TOKEN), InviteLink.tokenOf(InviteLink.webLink(base, TOKEN)), base);
        }
    }

    @Test
    void aBareTokenIsItsOwnToken() {
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf(TOKEN));
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("  " + TOKEN + "\n"));
    }

    @Test
    void tokensOfSixteenToOneHundredTwentyEightCharactersAreAccepted() {
        String shortest = "a".repeat(16);
        String longest = "Z".repeat(128);

        assertEquals(Optional.of(shortest), InviteLink.tokenOf(shortest));
        assertEquals(Optional.of(longest), InviteLink.tokenOf(longest));
        assertEquals(Optional.of(longest), InviteLink.tokenOf(InviteLink.appLink(longest)));
        assertEquals(Optional.empty(), InviteLink.tokenOf("a".repeat(15)));
        assertEquals(Optional.empty(), InviteLink.tokenOf("Z".repeat(129)));
        assertEquals(Optional.empty(), InviteLink.tokenOf(InviteLink.appLink("a".repeat(15))));
        assertEquals(Optional.empty(), InviteLink.tokenOf(InviteLink.webLink("http://h:1", "Z".repeat(129))));
    }

    @Test
    void aTrailingSlashSurroundingSpacesAQueryOrAFragmentDoNotChangeTheToken() {
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("parley://invite/" + TOKEN + "/"));
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("http://localhost:8080/invite/" + TOKEN + "/"));
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("  https://chat.example.org/invite/" + TOKEN + "  "));
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("https://chat.example.org/invite/" + TOKEN + "?from=mail"));
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("https://chat.example.org/invite/" + TOKEN + "#join"));
    }

    @Test
    void theSchemeIsReadIgnoringCase() {
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("PARLEY://invite/" + TOKEN));
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("HTTPS://chat.example.org/invite/" + TOKEN));
    }

    @Test
    void aWebLinkFromAnyHostIsReadSinceServersHaveManyAddresses() {
        assertEquals(Optional.of(TOKEN), InviteLink.tokenOf("http://another-host.lan:9000/invite/" + TOKEN));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "parley://join/" + TOKEN,
                "parley://invite/",
                "parley://invite",
                "parley:invite/" + TOKEN,
                "parley://invite/" + TOKEN + "/extra",
                "parley://invite/a/" + TOKEN,
                "http://localhost:8080/join/" + TOKEN,
                "http://localhost:8080/api/v1/invite/" + TOKEN,
                "http://localhost:8080/invite/",
                "http://localhost:8080/invite/" + TOKEN + "/accept",
                "http://localhost:8080/invites/" + TOKEN,
                "http://localhost:8080/" + TOKEN,
                "ftp://localhost/invite/" + TOKEN,
                "file:///invite/" + TOKEN,
                "javascript:alert(1)//invite/" + TOKEN,
                "mailto:someone@example.org",
                "parley://invite/" + TOKEN + " more",
                "http://localhost:8080/invite/tok en-with-a-space",
                "not a link at all",
                "short",
                "AbCdEf0123456789_-xyz!",
                "AbCdEf0123456789.xyz",
                "Привет0123456789abcdef",
            })
    void anythingElseHasNoToken(String link) {
        assertEquals(Optional.empty(), InviteLink.tokenOf(link));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void nothingHasNoToken(String link) {
        assertEquals(Optional.empty(), InviteLink.tokenOf(link));
    }
}
