package app.parley.desktop.invites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.instance.SingleInstance;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import app.parley.model.invite.Invite;
import app.parley.model.invite.InviteLink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Invites, group info and profiles in the real app, headless, against a real server: Anna owns
 * a group with Boris in it; Carl and Dina use their own clients.
 */
@Tag("gui")
class InvitesTest {
    private static final String GROUP = "Книжный клуб «Полночь» — обсуждаем длинные романы";

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    private final FxRobot robot = new FxRobot();
    private final Ui ui = new Ui(robot);
    private TestServer server;
    private RunningApp app;
    private ApiClient anna;
    private ApiClient boris;
    private ApiClient carl;
    private long groupId;
    private String annasToken;

    @BeforeEach
    void annaOwnsAGroupWithBoris() throws Exception {
        server = TestServer.start(serverData);
        var signedUp = server.client().register("anna", "correct horse battery", "Анна Петрова");
        anna = server.client().signedIn(signedUp.accessToken());
        boris = server.register("boris", "Борис Константинович Длиннофамильный-Оглы");
        carl = server.register("carl", "Carl");
        groupId = anna.createGroup(
                        GROUP,
                        "Раз в месяц читаем одну книгу и спорим о ней до полуночи. Новичкам рады.",
                        List.of(boris.me().id()))
                .id();
        annasToken = signedUp.accessToken();
    }

    /** The app, with Anna's session remembered: it opens on her chat list. */
    private void startSignedIn(String locale) throws Exception {
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(server.address().toString(), false, 0, "anna", annasToken));
        app = RunningApp.start(home, AppAccess::create, locale);
        ui.awaitNode("#chatList .chat-cell");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void aLinkMadeInTheAppLetsAThirdPersonJoin() throws Exception {
        startSignedIn("en");
        openGroupInfo();
        robot.clickOn("#inviteButton");
        ui.awaitNode("#inviteDialog");
        ui.awaitNode("#inviteList");
        Snapshots.save(dialogShowing("#inviteDialog").getScene(), "invite-dialog-empty");

        robot.clickOn("#createInviteButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !fieldText("#createdAppLink").isEmpty());
        String link = fieldText("#createdAppLink");
        assertTrue(link.startsWith("parley://invite/"), link);
        String token = InviteLink.tokenOf(link).orElseThrow();
        assertEquals("http://" + server.address().display() + "/invite/" + token, fieldText("#createdWebLink"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> inviteRows() == 1));
        Snapshots.save(dialogShowing("#inviteDialog").getScene(), "invite-dialog");

        var joined = carl.acceptInvite(token);
        assertEquals(List.of(groupId, true), List.of(joined.chatId(), joined.joined()));
        assertTrue(carl.chats().stream().anyMatch(chat -> chat.id() == groupId));
        assertEquals(
                List.of(1), anna.invites(groupId).stream().map(Invite::uses).toList());

        // The open dialog follows the link's use, reading the list again by itself.
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> Ui.onFx(() -> inviteRowText().contains("used 1 time")));
        assertTrue(
                Ui.onFx(() -> robot.lookup("#inviteList .scroll-bar:horizontal").queryAll().stream()
                        .noneMatch(Node::isVisible)),
                "a row is never wider than the list");

        // Revoking asks first, and the dead link no longer shows to be copied.
        robot.clickOn(Ui.onFx(() -> ui.visible("#inviteList .revoke-invite")));
        ui.awaitNode("#revokeInviteQuestion");
        ui.answer("#revokeInviteQuestion", 0);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> inviteRowText().startsWith("Revoked")));
        assertTrue(Ui.onFx(() -> !robot.lookup("#createdInvite").query().isVisible()));
        assertEquals(
                List.of("revoked"),
                anna.invites(groupId).stream().map(Invite::state).toList());
    }

    /** The first invite row's words, as its accessible text gives them. */
    private String inviteRowText() {
        return robot.lookup("#inviteList .list-cell").queryAll().stream()
                .map(node -> node.getAccessibleText())
                .filter(text -> text != null)
                .findFirst()
                .orElse("");
    }

    @Test
    void theGroupInfoShowsTheMembersAndTheOwnerRemovesOne() throws Exception {
        startSignedIn("en");
        openGroupInfo();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 2));
        assertEquals(GROUP, text("#groupInfoName"));
        assertEquals("2 members", text("#groupInfoCount"));
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info");

        Button remove = Ui.onFx(() -> robot.lookup("#memberList .remove-member").queryAll().stream()
                .filter(Node::isVisible)
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow());
        robot.clickOn(remove);
        robot.clickOn("Remove");

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 1));
        assertEquals("1 member", text("#groupInfoCount"));
        assertTrue(boris.chats().stream().noneMatch(chat -> chat.id() == groupId));
    }

    @Test
    void aPastedLinkShowsWhereItLeadsAndJoinsAndOpensTheChat() throws Exception {
        startSignedIn("en");
        var theirs = boris.createGroup("Борин кружок", "", List.of());
        Invite invite = boris.createInvite(theirs.id(), 86_400L, 10);

        openJoinDialog();
        robot.clickOn("#inviteLinkField").write(invite.webLink());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Борин кружок".equals(text("#invitePreviewName")));
        assertEquals("1 member · invited by Борис Константинович Длиннофамильный-Оглы", text("#invitePreviewFacts"));
        Snapshots.save(dialogShowing("#invitePreview").getScene(), "join-preview");

        robot.clickOn("#joinButton");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(
                        () -> robot.lookup("#conversationTitle").tryQuery().isPresent()
                                && "Борин кружок"
                                        .equals(robot.lookup("#conversationTitle")
                                                .queryAs(Label.class)
                                                .getText())));
        assertTrue(anna.chats().stream().map(ChatRoom::id).anyMatch(id -> id == theirs.id()));
    }

    @Test
    void aRevokedLinkSaysSoAndCannotBeUsed() throws Exception {
        startSignedIn("en");
        var theirs = boris.createGroup("Закрытый клуб", "", List.of());
        Invite invite = boris.createInvite(theirs.id(), null, null);
        boris.revokeInvite(invite.id());

        openJoinDialog();
        robot.clickOn("#inviteLinkField").write(invite.link());

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text("#joinProblem").startsWith("This invite was revoked"));
        assertTrue(Ui.onFx(() -> robot.lookup("#joinButton").query().isDisabled()));
        Snapshots.save(dialogShowing("#inviteLinkField").getScene(), "join-revoked");

        Ui.onFx(() -> {
            robot.lookup("#inviteLinkField").queryAs(TextField.class).setText("https://example.com/nothing");
            return null;
        });
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text("#joinProblem").startsWith("This is not an invite link"));
    }

    @Test
    void aLinkFromASecondLaunchOpensItsPreviewInTheRunningApp() throws Exception {
        startSignedIn("en");
        var theirs = boris.createGroup("Second launch", "", List.of());
        Invite invite = boris.createInvite(theirs.id(), null, null);

        var second = SingleInstance.claim(home, List.of(invite.link()), arguments -> {});

        assertTrue(second.isEmpty(), "the second launch hands its link over and does not run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Second launch".equals(text("#invitePreviewName")));
    }

    @Test
    void editingMyProfileChangesTheNameShown() throws Exception {
        startSignedIn("en");
        robot.clickOn("#mainMenu");
        robot.clickOn("My profile…");
        ui.awaitNode("#profileNameField");
        Snapshots.save(dialogShowing("#profileNameField").getScene(), "my-profile");
        Ui.onFx(() -> {
            robot.lookup("#profileNameField").queryAs(TextInputControl.class).setText("Анна Каренина");
            robot.lookup("#profileDescriptionField")
                    .queryAs(TextInputControl.class)
                    .setText("Читаю Толстого");
            return null;
        });

        robot.clickOn("#saveProfileButton");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Анна Каренина".equals(text("#signedInName")));
        assertEquals(
                List.of("Анна Каренина", "Читаю Толстого"),
                List.of(anna.me().name(), anna.me().description()));
    }

    @Test
    void aPrivateChatsHeaderOpensTheOtherPersonsProfileWithTheirPhoto() throws Exception {
        startSignedIn("en");
        carl.updateProfile(null, "Фотограф", new ApiClient.Photo("carl.png", png()));
        carl.openPrivateChat(anna.me().id());
        carl.send(carl.chats().getFirst().id(), "Hi Anna", "c-1", List.of());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell("Carl") != null);
        robot.clickOn(chatCell("Carl"));
        ui.awaitNode("#conversationHeader");
        robot.clickOn("#conversationHeader");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "@carl".equals(text("#personUsername")));
        assertEquals("Фотограф", text("#personDescription"));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#personDialog .image-view")
                                .queryAs(ImageView.class)
                                .getImage()
                        != null));
        assertTrue(
                Ui.onFx(() -> robot.lookup("#chatList .chat-cell .image-view").queryAll().stream()
                        .anyMatch(Node::isVisible)),
                "Carl's photo shows in the chat list too");
        Snapshots.save(dialogShowing("#personDialog").getScene(), "person-profile");
    }

    @Test
    void theDialogsInTheDarkTheme() throws Exception {
        startSignedIn("en");
        robot.clickOn("#mainMenu");
        robot.clickOn("Theme: dark");
        openGroupInfo();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 2));
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-dark");
        robot.clickOn("#inviteButton");
        ui.awaitNode("#inviteDialog");
        robot.clickOn("#createInviteButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> inviteRows() == 1));
        Snapshots.save(dialogShowing("#inviteDialog").getScene(), "invite-dialog-dark");
        String link = fieldText("#createdAppLink");
        closeDialogs();

        openJoinDialog();
        robot.clickOn("#inviteLinkField").write(link);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> GROUP.equals(text("#invitePreviewName")));
        assertTrue(Ui.onFx(() -> robot.lookup("#inviteAlreadyMember").query().isVisible()));
        Snapshots.save(dialogShowing("#invitePreview").getScene(), "join-preview-member-dark");
        closeDialogs();

        robot.clickOn("#mainMenu");
        robot.clickOn("My profile…");
        ui.awaitNode("#profileNameField");
        Snapshots.save(dialogShowing("#profileNameField").getScene(), "my-profile-dark");
    }

    @Test
    void aLinkThatArrivesBeforeSignInOpensItsPreviewAfterSignIn() throws Exception {
        var theirs = boris.createGroup("После входа", "", List.of());
        Invite invite = boris.createInvite(theirs.id(), null, null);
        app = RunningApp.start(home, AppAccess::create);
        ui.awaitNode("#addressField");

        assertTrue(SingleInstance.claim(home, List.of(invite.link()), arguments -> {})
                .isEmpty());
        // The link's arrival puts a note on the welcome screen, which lays it out again: clicks
        // go to the field where it is then.
        ui.click("#addressField").write(server.address().display());
        robot.type(KeyCode.ENTER);
        ui.click("#usernameField").write("anna");
        ui.click("#passwordField").write("correct horse battery");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "После входа".equals(text("#invitePreviewName")));
    }

    @Test
    void theDialogsInRussian() throws Exception {
        startSignedIn("ru");
        openGroupInfo();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 2));
        assertEquals("Участников: 2", text("#groupInfoCount"));
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-ru");
        robot.clickOn("#inviteButton");
        ui.awaitNode("#inviteDialog");
        robot.clickOn("#createInviteButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(() -> inviteRows() == 1));
        Snapshots.save(dialogShowing("#inviteDialog").getScene(), "invite-dialog-ru");
        closeDialogs();

        var theirs = boris.createGroup("Борин кружок", "", List.of());
        Invite expired = boris.createInvite(theirs.id(), 1L, null);
        Thread.sleep(1500); // the shortest lifetime the API takes is a second
        robot.clickOn("#newMenu");
        robot.clickOn("Вступить по приглашению…");
        ui.awaitNode("#inviteLinkField");
        robot.clickOn("#inviteLinkField").write(expired.link());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text("#joinProblem").startsWith("Срок действия приглашения истёк"));
        Snapshots.save(dialogShowing("#inviteLinkField").getScene(), "join-expired-ru");
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var paint = image.createGraphics();
        paint.setColor(new java.awt.Color(0x2f9e8f));
        paint.fillRect(0, 0, 64, 64);
        paint.setColor(java.awt.Color.ORANGE);
        paint.fillOval(16, 16, 32, 32);
        paint.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void openGroupInfo() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell(GROUP) != null);
        robot.clickOn(chatCell(GROUP));
        ui.awaitNode("#conversationHeader");
        robot.clickOn("#conversationHeader");
        ui.awaitNode("#groupInfoDialog");
    }

    /** A chat's row in the main window's chat list, or null while it is not shown. */
    private Node chatCell(String chatName) throws Exception {
        return Ui.onFx(
                () -> robot.from(ui.window().getScene().getRoot()).lookup("#chatList .chat-name").queryAll().stream()
                        .filter(name -> chatName.equals(((Label) name).getText()))
                        .findFirst()
                        .orElse(null));
    }

    private void openJoinDialog() throws Exception {
        robot.clickOn("#newMenu");
        robot.clickOn("Join by invite…");
        ui.awaitNode("#inviteLinkField");
    }

    private void closeDialogs() throws Exception {
        Ui.onFx(() -> {
            robot.listWindows().stream()
                    .filter(window -> window instanceof javafx.stage.Stage stage && stage.getOwner() != null)
                    .map(javafx.stage.Stage.class::cast)
                    .toList()
                    .forEach(javafx.stage.Stage::close);
            return null;
        });
    }

    /** The dialog window that holds the node (several dialogs may be open at once). */
    private javafx.stage.Window dialogShowing(String query) throws Exception {
        return Ui.onFx(() -> robot.lookup(query).query().getScene().getWindow());
    }

    private int inviteRows() {
        return ((ListView<?>) robot.lookup("#inviteList").query()).getItems().size();
    }

    private List<?> members() {
        return ((ListView<?>) robot.lookup("#memberList").query()).getItems();
    }

    /** The label's text, or "" while it is not there (conditions waited on must not throw). */
    private String text(String query) throws Exception {
        return Ui.onFx(() -> robot.lookup(query)
                .tryQuery()
                .map(node -> ((Label) node).getText())
                .orElse(""));
    }

    private String fieldText(String query) throws Exception {
        return Ui.onFx(() -> robot.lookup(query).queryAs(TextField.class).getText());
    }
}
