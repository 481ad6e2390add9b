package app.parley.desktop.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.host.LanAddresses;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Join a server" lists the servers announced on this network, live: a real server with discovery
 * on shows up with its name and address; choosing it fills in the address, and a double click
 * joins it.
 */
@Tag("gui")
class WelcomeDiscoveryTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private RunningApp app;
    private TestServer server;

    @BeforeEach
    void aNetworkWithMulticast() {
        Assumptions.assumeFalse(
                LanAddresses.browsingAddress().isLoopbackAddress(),
                "this machine has no network interface to announce and browse on");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerAnnouncedOnTheNetworkIsListedAndChoosingItFillsInItsAddress() throws Exception {
        String name = "Office " + System.nanoTime();
        server = TestServer.start(serverData, Map.of("parley.discovery.enabled", true, "parley.discovery.name", name));
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#welcomeView");
        ListView<?> found = robot.lookup("#foundServers").queryListView();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Ui.onFx(() -> indexOf(found, name) >= 0));
        ui.awaitNode("#foundServers .found-server-cell");
        Snapshots.save(ui.window().getScene(), "welcome-found");
        FoundServer office = Ui.onFx(() -> (FoundServer) found.getItems().get(indexOf(found, name)));
        String expected = LanAddresses.browsingAddress().getHostAddress() + ":" + server.port();
        assertEquals(expected, office.address());

        Ui.onFx(() -> {
            found.getSelectionModel().select(indexOf(found, name));
            return null;
        });
        assertEquals(
                expected,
                Ui.onFx(() ->
                        robot.lookup("#addressField").queryAs(TextField.class).getText()));

        robot.doubleClickOn(Ui.onFx(() -> ui.visible("#foundServers .list-cell:selected")));
        ui.awaitNode("#signInServer");
        assertTrue(
                Ui.onFx(() -> robot.lookup("#signInServer").queryAs(Label.class).getText())
                        .contains(expected),
                "signing in to the server that was chosen");
    }

    @Test
    void withNothingAnnouncedTheListSaysItIsLookingThenThatNoneWasFound() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#foundServersStatus");
        assertTrue(Ui.onFx(() ->
                        robot.lookup("#foundServersStatus").queryAs(Label.class).getText())
                .startsWith("Looking for Parley servers"));

        // Another test's server may be announced on this network too: only the words are checked.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !robot.lookup("#foundServers")
                                .queryListView()
                                .getItems()
                                .isEmpty()
                        || robot.lookup("#foundServersStatus")
                                .queryAs(Label.class)
                                .getText()
                                .startsWith("None found yet")));
    }

    private static int indexOf(ListView<?> list, String name) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (((FoundServer) list.getItems().get(i)).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
