package app.parley.desktop.discovery;

/**
 * A Parley server announced on the LAN.
 *
 * @param instance its DNS-SD instance name, unique on the network (what "gone" names)
 * @param name     what its admin (or host) called it
 * @param host     the IPv4 address it announced
 * @param port     its port
 * @param version  the Parley version it runs
 * @param https    whether that port serves HTTPS (joining it asks to trust its certificate)
 */
public record FoundServer(String instance, String name, String host, int port, String version, boolean https) {
    /** {@code host:port}, or {@code https://host:port}, as typed into "Join a server". */
    public String address() {
        return (https ? "https://" : "") + host + ":" + port;
    }
}
