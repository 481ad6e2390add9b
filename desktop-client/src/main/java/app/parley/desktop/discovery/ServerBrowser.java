package app.parley.desktop.discovery;

import app.parley.model.discovery.ParleyDnsSd;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Consumer;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

/**
 * Watches the LAN for Parley servers ({@value ParleyDnsSd#SERVICE_TYPE}, DNS-SD over multicast DNS)
 * and reports each one found, with its address resolved, and each one gone. Reports come on
 * JmDNS's threads. Blocking to open (JmDNS binds its socket), quick to close.
 */
public final class ServerBrowser implements AutoCloseable {
    private final JmDNS dns;

    private ServerBrowser(JmDNS dns) {
        this.dns = dns;
    }

    /** Starts watching on the network interface that has {@code on}. */
    public static ServerBrowser start(InetAddress on, Consumer<FoundServer> found, Consumer<String> lost)
            throws IOException {
        JmDNS dns = JmDNS.create(on, "parley-app-" + ProcessHandle.current().pid());
        dns.addServiceListener(ParleyDnsSd.SERVICE_TYPE, new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                // Resolving (SRV, TXT and A records) is asked for here; serviceResolved follows.
                event.getDNS().requestServiceInfo(event.getType(), event.getName(), 1_000);
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                lost.accept(event.getName());
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                toFound(event.getInfo()).ifPresent(found);
            }
        });
        return new ServerBrowser(dns);
    }

    static Optional<FoundServer> toFound(ServiceInfo info) {
        Inet4Address[] addresses = info.getInet4Addresses();
        if (addresses.length == 0 || info.getPort() <= 0) {
            return Optional.empty();
        }
        String name = info.getPropertyString(ParleyDnsSd.NAME);
        String version = info.getPropertyString(ParleyDnsSd.VERSION);
        return Optional.of(new FoundServer(
                info.getName(),
                name == null || name.isBlank() ? info.getName() : name,
                addresses[0].getHostAddress(),
                info.getPort(),
                version == null ? "" : version,
                "https".equalsIgnoreCase(info.getPropertyString(ParleyDnsSd.SCHEME))));
    }

    @Override
    public void close() throws IOException {
        dns.close();
    }
}
