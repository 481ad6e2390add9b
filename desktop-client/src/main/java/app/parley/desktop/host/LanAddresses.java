package app.parley.desktop.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;

/**
 * The addresses at which other computers on the network can reach this one: the IPv4 addresses
 * of interfaces that are up, not loopback and not virtual, private-range ones (home and office
 * networks) first.
 */
public final class LanAddresses {
    private LanAddresses() {}

    public static List<String> ofThisComputer() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(LanAddresses::usable)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address
                            && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .sorted(Comparator.comparing((InetAddress address) -> !address.isSiteLocalAddress()))
                    .map(InetAddress::getHostAddress)
                    .distinct()
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean usable(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback() && !network.isVirtual();
        } catch (SocketException e) {
            return false;
        }
    }

    /** Where to watch for servers on the network: the first LAN address, else loopback (this computer only). */
    public static InetAddress browsingAddress() {
        return ofThisComputer().stream()
                .findFirst()
                .map(address -> {
                    try {
                        return InetAddress.getByName(address);
                    } catch (java.net.UnknownHostException e) {
                        return InetAddress.getLoopbackAddress();
                    }
                })
                .orElse(InetAddress.getLoopbackAddress());
    }
}
