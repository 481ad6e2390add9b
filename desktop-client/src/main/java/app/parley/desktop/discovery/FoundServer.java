package app.parley.desktop.discovery;

/**
 * A Parley server announced on the LAN.
 *
 * @param instance its DNS-SD instance name, unique on the network (what "gone" names)
 * @param name     what its admin (or host) called it
 * @param host     the IPv4 address it announced
 * @param port     its port
 * @param version  the Parley version it runs
 */
public record FoundServer(String instance, String name, String host, int port, String version) {
    /** {@code host:port}, as typed into "Join a server". */
    public String address() {
        return host + ":" + port;
    }
}
