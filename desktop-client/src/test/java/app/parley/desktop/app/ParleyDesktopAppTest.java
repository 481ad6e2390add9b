package app.parley.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.net.ServerAddress;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.desktop.tls.KnownCertificates;
import app.parley.desktop.tls.PinningTrustManager;
import app.parley.model.ParleyJson;
import atlantafx.base.controls.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real app, headless, against real servers: hosted in the app, or started here for it to join. */
@Tag("gui")
class ParleyDesktopAppTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private RunningApp app;
    private TestServer server;

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
    void aFirstRunOpensOnTheWelcomeScreenWithJoinAndHost() throws Exception {
        startApp();

        assertEquals("Parley", label("#welcomeTitle").getText());
        assertTrue(robot.lookup("#joinButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#hostButton").tryQuery().isPresent());
        assertEquals("Parley", ui.window().getTitle());
        Snapshots.save(ui.window().getScene(), "welcome");
    }

    @Test
    void hostingStartsAServerHereAndSignsUpTheHost() throws Exception {
        startApp();

        ui.awaitNode("#hostButton");
        robot.clickOn("#hostButton");
        ui.awaitNode("#signInServer");
        String serverLine = label("#signInServer").getText();
        assertTrue(serverLine.startsWith("Hosted on this computer\nOthers join at https://"), serverLine);
        String joinAddress = serverLine.substring(serverLine.indexOf("https://"));
        String fingerprint = label("#hostedFingerprint").getText().replace("\n", ":");
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
        // Others reach it over HTTPS, at the address shown, with the certificate shown.
        var known = new KnownCertificates(serverData.resolve("known.json"), ParleyJson.mapper());
        ServerAddress shown = ServerAddress.parse(joinAddress).orElseThrow();
        known.trust(shown.base().getHost(), shown.base().getPort(), fingerprint);
        var pinned = java.net.http.HttpClient.newBuilder()
                .sslContext(PinningTrustManager.context(known))
                .build();
        ApiClient.of(pinned, ParleyJson.mapper(), shown).checkReachable();

        // Nobody has an account on a server just made: the form asks the host to create one.
        ui.awaitNode("#nameField");
        assertEquals("Create an account", label("#signInTitle").getText());
        Snapshots.save(ui.window().getScene(), "register-hosted");
        ui.click("#usernameField").write("anna");
        ui.click("#passwordField").write(PASSWORD);
        robot.clickOn("#nameField").write("Anna Petrova");
        robot.type(KeyCode.ENTER);

        ui.awaitNode("#mainView");
        assertEquals("Anna Petrova", label("#signedInName").getText());
        ui.awaitNode("#chatListEmpty");
        Snapshots.save(ui.window().getScene(), "main-empty");

        // Alone on a new server, "New chat" says why nobody is listed, not "Nobody found."
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        ui.awaitNode("#userSearchField");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#nobodyListed")
                        .tryQueryAs(Label.class)
                        .map(Label::getText)
                        .orElse("")
                        .startsWith("Nobody else has an account")));
        Snapshots.save(ui.dialog().getScene(), "new-chat-alone");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#userSearchField").tryQuery().isEmpty());
        assertTrue(
                Files.exists(home.resolve("server").resolve("parley.db")),
                "the hosted server keeps its data in the app's folder");

        // Later, "This server" in the menu says the same to whoever asks.
        ui.click("#mainMenu");
        ui.click("#hostedServerItem");
        ui.awaitNode("#hostedServerDialog");
        assertEquals(joinAddress, Ui.onFx(() -> ((TextField) ui.visible("#hostedJoinAddress")).getText()));
        assertEquals(
                fingerprint,
                Ui.onFx(() -> ((javafx.scene.control.TextArea) ui.visible("#hostedCertificateFingerprint")).getText())
                        .replace("\n", ":"));
        Snapshots.save(ui.dialog().getScene(), "hosted-server");
    }

    @Test
    void joiningAnAddressNobodyAnswersSaysSoOnTheWelcomeScreen() throws Exception {
        startApp();

        ui.click("#addressField").write("127.0.0.1:1");
        robot.type(KeyCode.ENTER);

        String problem = awaitProblem("#welcomeProblem");
        Snapshots.save(ui.window().getScene(), "welcome-unreachable");
        assertTrue(problem.startsWith("Cannot reach a Parley server at 127.0.0.1:1."), problem);
    }

    @Test
    void anAppInviteLinkPastedBeforeSigningInWaitsAndOpensAfterIt() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        var group = boris.createGroup("Книжный клуб", "", java.util.List.of());
        String link = boris.createInvite(group.id(), null, null).link();
        server.client().register("anna", PASSWORD, "Anna");
        startApp();

        ui.click("#addressField").write(link);
        robot.type(KeyCode.ENTER);

        ui.awaitNode("#welcomeNotice");
        assertEquals(
                "An invite link is waiting: join its server (or host one) and sign in, and it opens.",
                robot.lookup("#welcomeNotice").queryAs(Message.class).getDescription());
        assertTrue(Ui.onFx(() -> ui.visible("#welcomeProblem") == null), "not taken for a bad address");
        Snapshots.save(ui.window().getScene(), "welcome-invite-waiting");

        ui.click("#addressField").write(server.address().display());
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#usernameField");
        ui.click("#usernameField").write("anna");
        ui.click("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#invitePreviewName")
                        .tryQuery()
                        .map(node -> ((Label) node).getText())
                        .filter("Книжный клуб"::equals)
                        .isPresent()));
    }

    @Test
    void joiningWithAWrongPasswordSaysSoInTheForm() throws Exception {
        server = TestServer.start(serverData);
        server.register("boris", "Boris");
        startApp();

        ui.click("#addressField").write(server.address().display());
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#usernameField");
        try {
            WaitForAsyncUtils.waitFor(
                    5,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> robot.lookup("#usernameField").query().isFocused()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the keyboard is at "
                    + Ui.onFx(() -> ui.window().getScene().getFocusOwner())
                    + ", the window focused: " + Ui.onFx(() -> ui.window().isFocused())
                    + ", the field disabled: "
                    + Ui.onFx(() -> robot.lookup("#usernameField").query().isDisabled()));
        }
        robot.write("boris"); // typed at once: the form opens with the cursor in its first field
        ui.click("#passwordField").write("not his password");
        robot.type(KeyCode.ENTER);

        assertEquals("Wrong username or password.", awaitProblem("#signInProblem"));
        Snapshots.save(ui.window().getScene(), "signin-wrong-password");
        assertTrue(robot.lookup("#mainView").tryQuery().isEmpty());
    }

    @Test
    void registeringATakenUsernameSaysSoAndMarksTheField() throws Exception {
        server = TestServer.start(serverData);
        server.register("boris", "Boris");
        startApp();

        ui.click("#addressField").write(server.address().display());
        robot.type(KeyCode.ENTER);
        ui.awaitNode("#usernameField");
        robot.clickOn("#switchModeLink");
        // The keyboard goes to the new form's first field: typing goes there at once.
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#usernameField").query().isFocused()));
        robot.write("boris");
        ui.click("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);

        assertTrue(awaitProblem("#signInProblem").startsWith("That username is taken"));
        TextField username = robot.lookup("#usernameField").queryAs(TextField.class);
        assertTrue(username.getPseudoClassStates().stream()
                .anyMatch(state -> state.getPseudoClassName().equals("danger")));

        // Correcting the name takes the complaint and the mark away at once.
        ui.click("#usernameField").write("2");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !robot.lookup("#signInProblem").query().isVisible()));
        assertFalse(Ui.onFx(() -> username.getPseudoClassStates().stream()
                .anyMatch(state -> state.getPseudoClassName().equals("danger"))));
    }

    @Test
    void aRememberedSessionOpensStraightOnTheChatListWithUnreadBadgesAndTotalInTheTitle() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        var anna = server.client().register("anna", PASSWORD, "Anna");
        var chat = boris.openPrivateChat(anna.user().id());
        boris.send(chat.id(), "Привет, Анна!", "m-1", java.util.List.of());
        boris.send(chat.id(), "Are you there?", "m-2", java.util.List.of());
        remember(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));

        startApp();

        ui.awaitNode("#chatList");
        ListView<?> chats = robot.lookup("#chatList").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chats.getItems().size() == 1);
        ui.awaitBadge("2");
        assertEquals("(2) Parley", ui.window().getTitle());
        Snapshots.save(ui.window().getScene(), "main-unread");
    }

    @Test
    void aRememberedHostedSessionStartsItsServerAndOpensStraightOnTheChatList() throws Exception {
        // The server the app hosts keeps its data in the app's folder; it is made and stopped here first.
        server = TestServer.start(home.resolve("server"));
        int port = server.port();
        ApiClient boris = server.register("boris", "Boris");
        var anna = server.client().register("anna", PASSWORD, "Anna");
        var chat = boris.openPrivateChat(anna.user().id());
        boris.send(chat.id(), "Привет из сервера на этом компьютере", "m-1", java.util.List.of());
        server.stop();
        server = null;
        remember(new SavedSession("http://localhost:" + port, true, port, "anna", anna.accessToken()));

        startApp();

        ui.awaitNode("#chatList");
        ListView<?> chats = robot.lookup("#chatList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chats.getItems().size() == 1);
        ui.awaitBadge("1");
        assertEquals(
                1,
                ApiClient.of(
                                java.net.http.HttpClient.newHttpClient(),
                                ParleyJson.mapper(),
                                ServerAddress.parse("localhost:" + port).orElseThrow())
                        .signedIn(anna.accessToken())
                        .chats()
                        .size(),
                "the app's own server answers on the remembered port");
    }

    @Test
    void aMessageFromSomeoneElseRaisesTheBadgeLive() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        var anna = server.client().register("anna", PASSWORD, "Anna");
        var chat = boris.openPrivateChat(anna.user().id());
        boris.send(chat.id(), "first", "m-1", java.util.List.of());
        remember(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        startApp();
        ui.awaitBadge("1");

        boris.send(chat.id(), "second, while Anna watches", "m-2", java.util.List.of());

        ui.awaitBadge("2");
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> ui.window().getTitle().equals("(2) Parley"));
    }

    @Test
    void aChatSomeoneStartsWithYouAppearsLive() throws Exception {
        server = TestServer.start(serverData);
        ApiClient boris = server.register("boris", "Boris");
        var anna = server.client().register("anna", PASSWORD, "Anna");
        remember(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        startApp();
        ui.awaitNode("#chatListEmpty");

        var chat = boris.openPrivateChat(anna.user().id());
        boris.send(chat.id(), "hi Anna", "m-1", java.util.List.of());

        ui.awaitBadge("1");
    }

    @Test
    void aSessionTheServerNoLongerAcceptsGoesBackToSignInWithTheNameFilledIn() throws Exception {
        server = TestServer.start(serverData);
        server.register("anna", "Anna");
        remember(new SavedSession(server.address().toString(), false, 0, "anna", "not.a.token"));

        startApp();

        ui.awaitNode("#usernameField");
        assertEquals(
                "anna", robot.lookup("#usernameField").queryAs(TextField.class).getText());
        assertEquals("Your session has ended. Sign in again.", awaitProblem("#signInProblem"));
    }

    @Test
    void signingOutEndsTheSessionOnTheServerForgetsTheTokenAndKeepsTheName() throws Exception {
        server = TestServer.start(serverData);
        var anna = server.client().register("anna", PASSWORD, "Anna");
        remember(new SavedSession(server.address().toString(), false, 0, "anna", anna.accessToken()));
        startApp();
        ui.awaitNode("#mainView");

        ui.awaitNode("#mainMenu");
        robot.clickOn("#mainMenu");
        robot.clickOn("Sign out");

        ui.awaitNode("#signInView");
        SavedSession saved = sessions().load().orElseThrow();
        assertEquals(java.util.Arrays.asList("anna", null), java.util.Arrays.asList(saved.username(), saved.token()));
        var oldToken = server.client().signedIn(anna.accessToken());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try {
                oldToken.me();
                return false;
            } catch (ApiException refused) {
                return refused.status() == 401; // the token stopped counting: a copy of it is worth nothing
            }
        });
    }

    @Test
    void theSessionFileIsReadableByItsOwnerOnly() throws Exception {
        remember(new SavedSession("http://localhost:1", false, 0, "anna", "secret"));

        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("session.json"))));
    }

    private void startApp() throws Exception {
        app = RunningApp.start(home, ParleyDesktopApp::new);
    }

    private SessionStore sessions() {
        return new SessionStore(home.resolve("session.json"), ParleyJson.mapper());
    }

    private void remember(SavedSession session) {
        sessions().save(session);
    }

    private String awaitProblem(String query) throws Exception {
        ui.awaitNode(query);
        return robot.lookup(query).queryAs(Message.class).getDescription();
    }

    private Label label(String query) throws Exception {
        ui.awaitNode(query);
        return robot.lookup(query).queryAs(Label.class);
    }
}
