package app.parley.desktop.connect;

import app.parley.desktop.host.HostedAccess;
import app.parley.desktop.host.HostedServer;
import app.parley.desktop.host.Hosting;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ServerAddress;
import app.parley.desktop.net.ServerUnreachableException;
import app.parley.desktop.tls.UntrustedCertificateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.Optional;

/** Reaches a server: one on the network ("Join"), or the one this app starts ("Host"). Blocking. */
public final class ServerConnector {
    /** The port others are told to use the first time; any free port when it is taken. */
    public static final int DEFAULT_HOSTED_PORT = ServerAddress.DEFAULT_PORT;

    private final HttpClient http;
    private final ObjectMapper json;
    private final Hosting hosting;

    public ServerConnector(HttpClient http, ObjectMapper json, Hosting hosting) {
        this.http = http;
        this.json = json;
        this.hosting = hosting;
    }

    /** Checks that a Parley server answers at the address. */
    public Connected join(ServerAddress address) {
        ApiClient api = ApiClient.of(http, json, address);
        api.checkReachable();
        return new Connected(api, false, 0);
    }

    /**
     * Checks that a Parley server answers at an address typed without a scheme: over plain HTTP,
     * and when nothing HTTP answers there, at {@code secure} over HTTPS (a server whose port serves
     * HTTPS only, as a hosted one's LAN port does). A certificate not trusted yet is the HTTPS
     * failure that counts.
     */
    public Connected joinEitherScheme(ServerAddress plain, ServerAddress secure) {
        try {
            return join(plain);
        } catch (ServerUnreachableException overHttp) {
            if (UntrustedCertificateException.in(overHttp).isPresent()) {
                throw overHttp;
            }
            try {
                return join(secure);
            } catch (ServerUnreachableException overHttps) {
                if (UntrustedCertificateException.in(overHttps).isPresent()) {
                    throw overHttps;
                }
                overHttp.addSuppressed(overHttps);
                throw overHttp;
            }
        }
    }

    /** Where others join the server this app hosts, while it runs. */
    public Optional<HostedAccess> hostedAccess() {
        return hosting.access();
    }

    /** Starts (or reuses) the hosted server, on {@code preferredPort} when it is free. */
    public Connected host(int preferredPort) {
        HostedServer server = hosting.start(preferredPort);
        return new Connected(
                ApiClient.of(http, json, server.localAddress()), true, server.port(), !server.hasAccounts());
    }
}
