package app.parley.server.invites;

import app.parley.model.invite.InviteLink;
import app.parley.server.discovery.AnnouncedAddress;
import jakarta.inject.Singleton;

/**
 * The web link of an invite, at the address others reach this server by. That is the configured
 * {@code parley.invites.link-address} when there is one, since the caller's own address can be
 * one only it can use: the app that hosts a server reaches it at {@code 127.0.0.1}. In it,
 * {@code {lan}} stands for this machine's LAN address when the link is made, which follows the
 * machine from network to network.
 */
@Singleton
public final class InviteWebLinks {
    static final String LAN = "{lan}";

    private final String linkAddress;

    InviteWebLinks(InviteSettings settings) {
        String configured =
                settings.linkAddress() == null ? "" : settings.linkAddress().strip();
        this.linkAddress = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** @param callerAddress {@code http(s)://host:port} as the caller reached the server */
    public String of(String callerAddress, String token) {
        if (linkAddress.isEmpty()) {
            return InviteLink.webLink(callerAddress, token);
        }
        String address = linkAddress.contains(LAN) ? linkAddress.replace(LAN, AnnouncedAddress.lanHost()) : linkAddress;
        return InviteLink.webLink(address, token);
    }
}
