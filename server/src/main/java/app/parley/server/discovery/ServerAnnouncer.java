package app.parley.server.discovery;

import app.parley.model.discovery.ParleyDnsSd;
import app.parley.server.tls.TlsSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces this server on the LAN as {@value ParleyDnsSd#SERVICE_TYPE} (DNS-SD over multicast
 * DNS, through JmDNS), so that the desktop app's "Join a server" lists it. Announced once the
 * server listens, off the start-up path; announced again when the machine's address changes;
 * withdrawn when the server stops. A network without multicast costs one log line, nothing more.
 */
@Singleton
@Requires(property = "parley.discovery.enabled", value = "true")
public class ServerAnnouncer implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncer.class);
    static final String API_PATH = "/api/v1";

    private final DiscoverySettings settings;
    private final TlsSettings tls;
    private final TaskScheduler scheduler;

    private JmDNS announcing;
    private InetAddress announcedOn;
    private ScheduledFuture<?> rechecking;
    private boolean stopped;

    public ServerAnnouncer(
            DiscoverySettings settings, TlsSettings tls, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.settings = settings;
        this.tls = tls;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        // With HTTPS on, the LAN is pointed at it: plain HTTP may answer this machine only.
        int port = tls.enabled() ? tls.port() : event.getSource().getPort();
        rechecking = scheduler.scheduleWithFixedDelay(
                Duration.ZERO, settings.recheck(), () -> announceOnCurrentAddress(port));
    }

    /** Where the server is announced now, if it is. */
    public synchronized Optional<InetAddress> announcedOn() {
        return announcing == null ? Optional.empty() : Optional.of(announcedOn);
    }

    synchronized void announceOnCurrentAddress(int port) {
        if (stopped) {
            return;
        }
        InetAddress address;
        try {
            address = AnnouncedAddress.now(settings.address());
        } catch (IOException e) {
            LOG.warn(
                    "Not announced on the LAN: parley.discovery.address {} is not an address here", settings.address());
            return;
        }
        if (announcing != null && address.equals(announcedOn)) {
            return;
        }
        withdraw();
        try {
            JmDNS dns = JmDNS.create(address, "parley-" + port);
            String name = name();
            dns.registerService(
                    ServiceInfo.create(ParleyDnsSd.SERVICE_TYPE, name, port, 0, 0, txt(name, tls.enabled())));
            announcing = dns;
            announcedOn = address;
            LOG.info("Announced on the LAN as \"{}\" at {}:{}", name, address.getHostAddress(), port);
        } catch (IOException | RuntimeException e) {
            // Discovery is a convenience: people can still type the address.
            LOG.warn("Could not announce on the LAN at {}: {}", address.getHostAddress(), e.toString());
        }
    }

    private String name() {
        if (settings.name() != null && !settings.name().isBlank()) {
            return settings.name().strip();
        }
        try {
            return "Parley on " + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "Parley";
        }
    }

    private static Map<String, String> txt(String name, boolean https) {
        String version = ServerAnnouncer.class.getPackage().getImplementationVersion();
        return Map.of(
                ParleyDnsSd.NAME,
                name,
                ParleyDnsSd.VERSION,
                version == null ? "development" : version,
                ParleyDnsSd.API,
                API_PATH,
                ParleyDnsSd.SCHEME,
                https ? "https" : "http");
    }

    private void withdraw() {
        if (announcing == null) {
            return;
        }
        JmDNS dns = announcing;
        announcing = null;
        announcedOn = null;
        try {
            dns.unregisterAllServices();
            dns.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Withdrawing the LAN announcement failed", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (rechecking != null) {
            rechecking.cancel(false);
        }
        withdraw();
    }
}
