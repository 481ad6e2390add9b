package app.parley.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.parley.server.ParleyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS and WSS through the real server: a self-signed certificate made once and kept, the same
 * fingerprint after a restart, the admin's own certificate when given, and plain HTTP kept for
 * this machine only.
 */
class TlsApiTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    /** Trusts any certificate and remembers the one it was shown, as a first contact does before pinning. */
    private static final class FirstContact implements X509TrustManager {
        final AtomicReference<X509Certificate> seen = new AtomicReference<>();

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.set(chain[0]);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static HttpClient client(FirstContact trust) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509TrustManager[] {trust}, new SecureRandom());
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ParleyServer start(Path data, int httpsPort, String... more) {
        ParleyServer.Settings settings = ParleyServer.Settings.of(data, 0)
                .withProperty("parley.tls.enabled", true)
                .withProperty("parley.tls.port", httpsPort);
        for (int i = 0; i < more.length; i += 2) {
            settings = settings.withProperty(more[i], more[i + 1]);
        }
        return ParleyServer.start(settings);
    }

    private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsAndWssWorkWithASelfSignedCertificateThatStaysTheSameAcrossRestarts() throws Exception {
        int httpsPort = freePort();
        FirstContact trust = new FirstContact();
        HttpClient client = client(trust);
        String fingerprint;
        try (ParleyServer server = start(dataDir, httpsPort)) {
            fingerprint = server.context().getBean(TlsMaterial.class).fingerprint();
            assertEquals(
                    200,
                    get(client, "https://localhost:" + httpsPort + "/health").statusCode());
            assertEquals(fingerprint, Fingerprints.sha256(trust.seen.get()), "the certificate served is the one kept");

            HttpResponse<String> registered = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/api/v1/auth/register"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"anna\",\"password\":\"a long password\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, registered.statusCode(), registered.body());
            String token = registered.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

            CompletableFuture<String> firstFrame = new CompletableFuture<>();
            WebSocket socket = client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("wss://localhost:" + httpsPort + "/api/v1/main"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            firstFrame.complete(data.toString());
                            return null;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"message\",\"text\":\"probe\",\"client_msg_id\":\"p\"}", true);
            assertTrue(firstFrame.get(10, TimeUnit.SECONDS).contains("\"chat_id\""), "WSS answers frames");
            socket.abort();

            assertEquals(
                    200,
                    get(HttpClient.newHttpClient(), "http://localhost:" + server.port() + "/health")
                            .statusCode(),
                    "plain HTTP still answers this machine");
        }
        Path secrets = dataDir.resolve("secrets");
        for (String file : List.of("tls-key.pem", "tls.p12", "tls.p12.password")) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(file))),
                    file + " is its owner's only");
        }

        try (ParleyServer again = start(dataDir, httpsPort)) {
            assertEquals(fingerprint, again.context().getBean(TlsMaterial.class).fingerprint());
            assertEquals(
                    200,
                    get(client, "https://localhost:" + httpsPort + "/health").statusCode());
            assertEquals(fingerprint, Fingerprints.sha256(trust.seen.get()), "the same after a restart");
        }
    }

    @Test
    void theAdminsOwnCertificateIsServedWhenGiven() throws Exception {
        int httpsPort = freePort();
        String made;
        try (ParleyServer first = start(dataDir, httpsPort)) {
            made = first.context().getBean(TlsMaterial.class).fingerprint();
        }
        Files.copy(dataDir.resolve("secrets").resolve("tls-certificate.pem"), elsewhere.resolve("cert.pem"));
        Files.copy(dataDir.resolve("secrets").resolve("tls-key.pem"), elsewhere.resolve("key.pem"));
        Path otherData = Files.createDirectories(elsewhere.resolve("data"));

        FirstContact trust = new FirstContact();
        try (ParleyServer server = start(
                otherData,
                freePortAfter(httpsPort),
                "parley.tls.certificate",
                elsewhere.resolve("cert.pem").toString(),
                "parley.tls.private-key",
                elsewhere.resolve("key.pem").toString())) {
            int port = server.context().getRequiredProperty("parley.tls.port", Integer.class);
            assertEquals(
                    200,
                    get(client(trust), "https://localhost:" + port + "/health").statusCode());
            assertEquals(made, Fingerprints.sha256(trust.seen.get()));
            assertTrue(Files.notExists(otherData.resolve("secrets").resolve("tls-certificate.pem")), "none made");
        }
    }

    @Test
    void plainHttpFromAnotherAddressIsToldToUseHttps() throws Exception {
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address && !address.isLinkLocalAddress())
                .findFirst();
        assumeTrue(lan.isPresent(), "this machine has an address besides loopback");
        try (ParleyServer server = start(dataDir, freePort())) {
            HttpResponse<String> fromLan = get(
                    HttpClient.newHttpClient(),
                    "http://" + lan.get().getHostAddress() + ":" + server.port() + "/health");
            assertEquals(403, fromLan.statusCode(), fromLan.body());
            assertTrue(fromLan.body().contains("https_required"), fromLan.body());
            assertNotEquals(
                    403,
                    get(HttpClient.newHttpClient(), "http://localhost:" + server.port() + "/health")
                            .statusCode());
        }
    }

    private static int freePortAfter(int taken) throws IOException {
        int port = freePort();
        return port == taken ? freePort() : port;
    }
}
