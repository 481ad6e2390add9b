package app.parley.model.discovery;

/**
 * How a Parley server announces itself on the LAN with DNS-SD over multicast DNS (RFC 6763), and
 * how the desktop app finds it: the service type and the keys of its TXT record.
 */
public final class ParleyDnsSd {
    /** The DNS-SD service type, fully qualified as JmDNS wants it. */
    public static final String SERVICE_TYPE = "_parley._tcp.local.";

    /** The server's name as people see it, e.g. "Parley on anna-laptop". */
    public static final String NAME = "name";

    /** The Parley version the server runs. */
    public static final String VERSION = "version";

    /**
     * {@code https} when the announced port serves HTTPS (the app then asks the person to trust
     * its certificate); {@code http} or absent for plain HTTP.
     */
    public static final String SCHEME = "scheme";

    /** Where the canonical API lives on that port, e.g. {@code /api/v1}. */
    public static final String API = "api";

    private ParleyDnsSd() {}
}
