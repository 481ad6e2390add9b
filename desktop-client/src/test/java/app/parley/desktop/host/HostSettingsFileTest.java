package app.parley.desktop.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ServerAddress;
import app.parley.model.ParleyJson;
import app.parley.model.agent.AgentInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's own settings file, parley.yml in the hosted server's folder: read at each start,
 * for what the app has no screen for (the AI agent first of all).
 */
class HostSettingsFileTest {
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        starter.shutdownNow();
    }

    @Test
    void theAgentSetInTheHostsSettingsFileIsOffered() throws Exception {
        assertFalse(agentOfAHostedServer(true).available(), "no settings file: no agent");

        Files.writeString(HostedServer.settingsFile(data), """
            parley:
              agent:
                endpoint: http://127.0.0.1:9/v1
                model: tiny-model
            """);
        AgentInfo agent = agentOfAHostedServer(false);
        assertTrue(agent.available());
        assertEquals("tiny-model", agent.model());
    }

    /** Starts the hosted server, asks it about its agent as its host, and stops it. */
    private AgentInfo agentOfAHostedServer(boolean firstStart) {
        try (Hosting hosting = new Hosting(data, starter)) {
            HostedServer server = hosting.start(0);
            var api = ApiClient.of(
                    HttpClient.newHttpClient(),
                    ParleyJson.mapper(),
                    ServerAddress.of(URI.create("http://127.0.0.1:" + server.port())));
            var account = firstStart
                    ? api.register("anna", "correct horse battery", "Anna")
                    : api.login("anna", "correct horse battery");
            return api.signedIn(account.accessToken()).agent();
        }
    }
}
