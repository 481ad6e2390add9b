package app.parley.desktop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.instance.SingleInstance;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.invite.Invite;
import atlantafx.base.controls.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A server that takes new accounts by invitation only: without a link the app says how to get
 * in; with the link it holds, creating an account works and lands in the invite's group.
 */
@Tag("gui")
class InviteOnlyRegistrationTest {
    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;
    private ApiClient boris;

    @BeforeEach
    void borisIsOnAServerForTheInvited() {
        server = TestServer.start(serverData, Map.of("parley.accounts.registration", "invite-only"));
        boris = server.adminCreates("boris", "Boris");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void withoutAnInviteTheFormSaysHowToGetIn() throws Exception {
        app = RunningApp.start(home, AppAccess::create);
        createAccount();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> text("#signInProblem").contains("by invitation only")));
        Snapshots.save(ui.window().getScene(), "sign-up-invite-only");
    }

    @Test
    void theLinkTheAppHoldsLetsThePersonRegisterIntoItsGroup() throws Exception {
        var group = boris.createGroup("Only the invited", "", List.of());
        Invite invite = boris.createInvite(group.id(), null, null);
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#addressField");
        assertTrue(SingleInstance.claim(home, List.of(invite.link()), arguments -> {})
                .isEmpty());

        createAccount();

        ui.awaitNode("#chatList .chat-cell");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> boris.groupMembers(group.id()).users().stream().anyMatch(user -> "nina".equals(user.username())));
        assertEquals(
                "nina", server.client().login("nina", "a long password").user().username());
    }

    private void createAccount() throws Exception {
        ui.click("#addressField").write(server.address().display());
        robot.type(KeyCode.ENTER);
        ui.click("#switchModeLink");
        ui.click("#usernameField").write("nina");
        ui.click("#passwordField").write("a long password");
        robot.type(KeyCode.ENTER);
    }

    private String text(String query) {
        Message message = (Message) ui.visible(query);
        return message == null || message.getDescription() == null ? "" : message.getDescription();
    }
}
