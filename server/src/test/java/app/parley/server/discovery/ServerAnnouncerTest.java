package app.parley.server.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.discovery.ParleyDnsSd;
import app.parley.server.ParleyServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with discovery on is found on the LAN by a DNS-SD browser, with its name, version and
 * API path, and is gone once it stops; with discovery off (the default) it announces nothing.
 */
class ServerAnnouncerTest {
    @TempDir
    Path dataDir;

    private InetAddress lan;
    private JmDNS browser;

    @BeforeEach
    void aBrowserOnThisMachinesNetwork() throws Exception {
        lan = AnnouncedAddress.now(null);
        Assumptions.assumeFalse(lan.isLoopbackAddress(), "this machine has no multicast-capable network interface");
        browser = JmDNS.create(lan, "parley-test-browser");
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aServerWithDiscoveryOnIsFoundWithItsTxtRecordAndGoneWhenItStops() throws Exception {
        String name = "Parley test " + ProcessHandle.current().pid() + "-" + System.nanoTime();
        ServiceInfo found;
        int port;
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0)
                .withProperty("parley.discovery.enabled", true)
                .withProperty("parley.discovery.name", name))) {
            port = server.port();
            // A service's first resolution may come before its TXT record: wait for the whole of it.
            found = Awaitility.await()
                    .atMost(20, TimeUnit.SECONDS)
                    .until(
                            () -> named(name),
                            service -> service.isPresent() && service.get().getPropertyString(ParleyDnsSd.NAME) != null)
                    .orElseThrow();

            assertEquals(port, found.getPort());
            assertEquals(name, found.getPropertyString(ParleyDnsSd.NAME));
            assertEquals("/api/v1", found.getPropertyString(ParleyDnsSd.API));
            assertEquals("http", found.getPropertyString(ParleyDnsSd.SCHEME));
            assertFalse(found.getPropertyString(ParleyDnsSd.VERSION).isBlank());
            assertTrue(
                    Arrays.asList(found.getInet4Addresses()).contains(lan), Arrays.toString(found.getInet4Addresses()));
            assertEquals(
                    Optional.of(lan),
                    server.context().getBean(ServerAnnouncer.class).announcedOn());
        }

        // Withdrawn: a goodbye packet on stop, so browsers drop it at once rather than after the TTL.
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> named(name).isEmpty());
    }

    @Test
    void aServerWithHttpsOnAnnouncesItsHttpsPort() throws Exception {
        String name = "Parley https " + ProcessHandle.current().pid() + "-" + System.nanoTime();
        int httpsPort;
        try (var socket = new java.net.ServerSocket(0)) {
            httpsPort = socket.getLocalPort();
        }
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0)
                .withProperty("parley.discovery.enabled", true)
                .withProperty("parley.discovery.name", name)
                .withProperty("parley.tls.enabled", true)
                .withProperty("parley.tls.port", httpsPort))) {
            ServiceInfo found = Awaitility.await()
                    .atMost(20, TimeUnit.SECONDS)
                    .until(
                            () -> named(name),
                            service ->
                                    service.isPresent() && service.get().getPropertyString(ParleyDnsSd.SCHEME) != null)
                    .orElseThrow();

            // Plain HTTP answers this machine only, so the LAN is sent to HTTPS.
            assertEquals(httpsPort, found.getPort());
            assertEquals("https", found.getPropertyString(ParleyDnsSd.SCHEME));
            assertTrue(server.port() != httpsPort);
        }
    }

    @Test
    void aServerWithDiscoveryOffAnnouncesNothing() throws Exception {
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            assertTrue(server.context().findBean(ServerAnnouncer.class).isEmpty());
            for (ServiceInfo service : browser.list(ParleyDnsSd.SERVICE_TYPE, 3_000)) {
                assertFalse(
                        service.getPort() == server.port()
                                && service.getInet4Addresses().length > 0
                                && Arrays.asList(service.getInet4Addresses()).contains(lan),
                        "announced: " + service);
            }
        }
    }

    private Optional<ServiceInfo> named(String name) {
        return Arrays.stream(browser.list(ParleyDnsSd.SERVICE_TYPE, 1_000))
                .filter(service -> name.equals(service.getName()))
                .findFirst();
    }
}
