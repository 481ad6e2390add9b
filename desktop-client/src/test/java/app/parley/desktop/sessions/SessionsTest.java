package app.parley.desktop.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.support.SignedInWithBoris;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.account.SessionInfo;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** "Signed-in devices": the app lists the person's sessions and ends another one, which is signed out at once. */
@Tag("gui")
class SessionsTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private SignedInWithBoris people;
    private ApiClient laptop;

    @BeforeEach
    void annaIsAlsoSignedInOnHerLaptop() {
        people = SignedInWithBoris.start(serverData, home);
        ApiClient anyone = ApiClient.of(HttpClient.newHttpClient(), ParleyJson.mapper(), people.address());
        laptop = anyone.signedIn(anyone.login("anna", "correct horse battery").accessToken());
    }

    @AfterEach
    void stop() throws Exception {
        people.close();
    }

    @Test
    void theOtherSessionIsListedAndEndedFromTheApp() throws Exception {
        people.startApp();
        ui.awaitNode("#chatList");
        ui.click("#mainMenu");
        ui.click("#sessionsItem");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> sessions().size() == 2));
        assertEquals(1L, (long)
                Ui.onFx(() -> sessions().stream().filter(SessionInfo::current).count()));
        Snapshots.save(ui.dialog().getScene(), "sessions");

        Node end = Ui.onFx(() -> robot.lookup("#sessionList .button").queryAll().stream()
                .filter(Node::isVisible)
                .findFirst()
                .orElseThrow());
        robot.clickOn(end);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Ui.onFx(() -> sessions().size() == 1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            try {
                laptop.me();
                return false;
            } catch (ApiException refused) {
                return refused.status() == 401;
            }
        });
        assertEquals("anna", people.anna().me().username(), "this device stays signed in");
    }

    @SuppressWarnings("unchecked")
    private java.util.List<SessionInfo> sessions() {
        return ((ListView<SessionInfo>) robot.lookup("#sessionList").query()).getItems();
    }
}
