package app.parley.desktop.support;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ServerAddress;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.model.ParleyJson;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real server with Boris and Anna on it, and Anna's session saved in the app's folder, so the
 * app opens signed in as Anna on its chat list. Boris (and anyone {@link #register}ed) writes
 * from their own API clients.
 */
public final class SignedInWithBoris {
    private final TestServer server;
    private final ApiClient boris;
    private final ApiClient anna;
    private final Path home;
    private RunningApp app;

    private SignedInWithBoris(TestServer server, Path home) {
        this.server = server;
        this.home = home;
        this.boris = server.register("boris", "Boris");
        this.anna = server.register("anna", "Anna");
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", anna.token()));
    }

    public static SignedInWithBoris start(Path serverData, Path home) {
        return new SignedInWithBoris(TestServer.start(serverData), home);
    }

    public ApiClient boris() {
        return boris;
    }

    public ApiClient anna() {
        return anna;
    }

    /** Someone else on the same server. */
    public ApiClient register(String username, String name) {
        return server.register(username, name);
    }

    /** Starts the app as Anna (once). */
    public RunningApp startApp() throws Exception {
        return startApp(Map.of());
    }

    /** Starts the app as Anna with more settings ({@code parley.desktop.*} properties). */
    public RunningApp startApp(Map<String, String> settings) throws Exception {
        app = RunningApp.start(home, AppAccess::create, "en", settings);
        return app;
    }

    /** Where the server listens. */
    public ServerAddress address() {
        return server.address();
    }

    /** The server itself (to stop it and start it again). */
    public TestServer server() {
        return server;
    }

    /** Closes the app if it was started, then the server. */
    public void close() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }
}
