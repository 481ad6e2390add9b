package app.parley.server.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.Optional;

/**
 * The address a server announces itself on: the configured one, else this machine's first IPv4
 * address on an interface that is up, not loopback and not virtual, private-range ones first;
 * loopback on a machine without a network, so that this machine's own app still finds it.
 */
public final class AnnouncedAddress {
    private AnnouncedAddress() {}

    /** This machine's first LAN address as text (e.g. {@code 192.168.1.20}), loopback without a network. */
    public static String lanHost() {
        return firstLanAddress().orElse(InetAddress.getLoopbackAddress()).getHostAddress();
    }

    static InetAddress now(String configured) throws UnknownHostException {
        if (configured != null && !configured.isBlank()) {
            return InetAddress.getByName(configured.strip());
        }
        return firstLanAddress().orElse(InetAddress.getLoopbackAddress());
    }

    private static Optional<InetAddress> firstLanAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(AnnouncedAddress::usable)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address
                            && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .min(Comparator.comparing((InetAddress address) -> !address.isSiteLocalAddress()));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback() && !network.isVirtual() && network.supportsMulticast();
        } catch (SocketException e) {
            return false;
        }
    }
}
