package app.parley.desktop.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import atlantafx.base.controls.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Joining a server over HTTPS with a self-signed certificate: the app shows its fingerprint, the
 * person trusts it, and everything (sign-in, sockets) goes over HTTPS pinned to it; a server whose
 * certificate changed since is refused by default, with both fingerprints shown, and trusted anew
 * only by a deliberate click.
 */
@Tag("gui")
class TrustOnFirstUseTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;

    @BeforeEach
    void aServerWithHttps() {
        server = TestServer.withHttps(serverData);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void theFingerprintIsShownTrustedAndPinnedForTheSessionAndItsSockets() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
        join();
        ui.awaitNode("#certificateFingerprint");
        String shown = Ui.onFx(() -> ((TextArea) ui.visible("#certificateFingerprint")).getText());
        assertEquals(server.tlsFingerprint(), shown.replace("\n", ":"), "the fingerprint the server logs");
        Snapshots.save(ui.dialog().getScene(), "certificate-first-use");
        ui.click("#trustCertificateButton");

        ui.click("#switchModeLink");
        ui.click("#usernameField").write("nina");
        ui.click("#passwordField").write("a long password");
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#chatList");
        Thread.sleep(1_500);
        assertEquals(null, Ui.onFx(() -> ui.visible("#offlineBar")), "the main socket is up, over WSS");
        String known = Files.readString(home.resolve("known-servers.json"));
        assertTrue(known.contains(server.tlsFingerprint()), known);
    }

    @Test
    void aChangedCertificateIsRefusedByDefaultWithBothFingerprintsAndReplacedOnlyByAClick() throws Exception {
        String before = "AA:".repeat(31) + "AA";
        String server = "localhost:" + this.server.httpsAddress().base().getPort();
        Files.writeString(
                home.resolve("known-servers.json"),
                ParleyJson.mapper().writeValueAsString(Map.of("servers", Map.of(server, before))));
        app = RunningApp.start(home, AppAccess::create);
        join();

        ui.awaitNode("#certificateChanged");
        assertEquals(before, fingerprintIn("#previousFingerprint"));
        assertEquals(this.server.tlsFingerprint(), fingerprintIn("#certificateFingerprint"));
        Snapshots.save(ui.dialog().getScene(), "certificate-changed");
        // Enter is "Don't connect": replacing a pinned certificate takes a deliberate click.
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> problem().contains("not trusted")));
        assertTrue(Files.readString(home.resolve("known-servers.json")).contains(before), "still the old one");

        robot.clickOn("#addressField");
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#certificateChanged");
        ui.click("#trustCertificateButton");

        ui.awaitNode("#signInServer");
        String known = Files.readString(home.resolve("known-servers.json"));
        assertTrue(known.contains(this.server.tlsFingerprint()) && !known.contains(before), known);
    }

    @Test
    void anHttpsPortTypedWithoutItsSchemeIsJoinedOverHttps() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
        ui.click("#addressField")
                .write("localhost:" + server.httpsAddress().base().getPort());
        robot.type(KeyCode.ENTER);

        ui.awaitNode("#certificateQuestion");
        assertEquals(server.tlsFingerprint(), fingerprintIn("#certificateFingerprint"));
        ui.click("#trustCertificateButton");

        ui.awaitNode("#signInServer");
        assertTrue(Ui.onFx(() -> robot.lookup("#signInServer")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText())
                .contains("localhost:" + server.httpsAddress().base().getPort()));
    }

    @Test
    void aPinnedServerTypedWithoutItsSchemeIsNeverTriedOverPlainHttp() throws Exception {
        // Whatever answers plain HTTP at a pinned address now (another machine that took the
        // address, say) is not the server trusted there, and must not get a password.
        int plain = server.address().base().getPort();
        Files.writeString(
                home.resolve("known-servers.json"),
                ParleyJson.mapper()
                        .writeValueAsString(Map.of("servers", Map.of("localhost:" + plain, server.tlsFingerprint()))));
        app = RunningApp.start(home, AppAccess::create);
        ui.click("#addressField").write("localhost:" + plain);
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> !problem().isEmpty()));
        assertTrue(problem().startsWith("Cannot reach a Parley server at localhost:" + plain), problem());
        assertEquals(null, Ui.onFx(() -> ui.visible("#signInServer")), "the plain HTTP server was not joined");
    }

    private String fingerprintIn(String id) throws Exception {
        return Ui.onFx(() -> ((TextArea) ui.visible(id)).getText()).replace("\n", ":");
    }

    private void join() throws Exception {
        ui.click("#addressField").write(server.httpsAddress().toString());
        robot.type(KeyCode.ENTER);
    }

    private String problem() {
        Message message = (Message) ui.visible("#welcomeProblem");
        return message == null || message.getDescription() == null ? "" : message.getDescription();
    }
}
