package app.parley.desktop.groupinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.app.AppAccess;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.support.RunningApp;
import app.parley.desktop.support.Snapshots;
import app.parley.desktop.support.TestServer;
import app.parley.desktop.support.Ui;
import app.parley.model.ParleyJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
 * Managing a group in the real app, headless, against a real server: Anna owns a group with
 * Boris in it; whoever the test is about uses the app, the other their own client.
 */
@Tag("gui")
class GroupManagementTest {
    private static final String GROUP = "Книжный клуб «Полночь»";
    /** Longer than the header has room for: it must shrink, not push the search button away. */
    private static final String RENAMED =
            "Renamed while open: a name long enough to need more room than the header can give";

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
    private long groupId;

    @BeforeEach
    void annaOwnsAGroupWithBoris() {
        server = TestServer.start(serverData);
        anna = server.register("anna", "Анна Петрова");
        boris = server.register("boris", "Борис");
        groupId = anna.createGroup(
                        GROUP, "Читаем по четвергам", List.of(boris.me().id()))
                .id();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    private void startAs(ApiClient who, String locale) throws Exception {
        new SessionStore(home.resolve("session.json"), ParleyJson.mapper())
                .save(new SavedSession(
                        server.address().toString(), false, 0, who.me().username(), who.token()));
        app = RunningApp.start(home, AppAccess::create, locale);
        ui.awaitNode("#chatList .chat-cell");
    }

    @Test
    void theHeaderShowsTheGroupsPhotoAndOpensGroupInfoFromTheKeyboard() throws Exception {
        anna.setGroupPhoto(groupId, new ApiClient.Photo("group.png", png()));
        startAs(boris, "en");
        openChat(GROUP);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#conversationAvatar .image-view")
                                .queryAs(ImageView.class)
                                .getImage()
                        != null));
        Node header = robot.lookup("#conversationHeader").query();
        assertTrue(header.isFocusTraversable());
        assertEquals("Group info: " + GROUP, Ui.onFx(header::getAccessibleText));
        Snapshots.save(ui.window().getScene(), "conversation-header");

        Ui.onFx(() -> {
            header.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(header::isFocused));
        Snapshots.save(ui.window().getScene(), "conversation-header-focused");
        robot.type(KeyCode.ENTER);

        ui.awaitNode("#groupInfoDialog");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> GROUP.equals(text("#groupInfoName")));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#groupInfoAvatar .image-view")
                                .queryAs(ImageView.class)
                                .getImage()
                        != null));
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-with-photo");
    }

    @Test
    void aPrivateChatsHeaderOpensTheOtherPersonsProfileWithSpace() throws Exception {
        boris.openPrivateChat(anna.me().id());
        startAs(boris, "ru");
        openChat("Анна Петрова");
        Node header = robot.lookup("#conversationHeader").query();
        assertEquals("Профиль: Анна Петрова", Ui.onFx(header::getAccessibleText));

        Ui.onFx(() -> {
            header.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Ui.onFx(header::isFocused));
        robot.type(KeyCode.SPACE);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "@anna".equals(text("#personUsername")));
    }

    @Test
    void aMemberLeavesAndTheChatGoesBackToTheEmptyState() throws Exception {
        startAs(boris, "en");
        openGroupInfo();
        assertTrue(Ui.onFx(() -> !robot.lookup("#editGroupButton").query().isVisible()), "only the owner edits");
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-member");

        robot.clickOn("#leaveGroupButton");
        robot.clickOn("Leave");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell(GROUP) == null);
        ui.awaitNode("#conversationPlaceholder");
        assertTrue(Ui.onFx(() -> robot.lookup("#groupInfoDialog").tryQuery().isEmpty()));
        assertTrue(Ui.onFx(() -> robot.lookup("#conversationHeader").tryQuery().isEmpty()));
        assertEquals(
                List.of(anna.me().id()),
                anna.groupMembers(groupId).users().stream().map(UserIds::idOf).toList());
        Snapshots.save(ui.window().getScene(), "after-leaving");
    }

    @Test
    void theOwnerAloneIsWarnedThatLeavingDeletesTheGroup() throws Exception {
        anna.createGroup("Только я", "", List.of());
        startAs(anna, "en");
        openChat("Только я");
        robot.clickOn("#conversationHeader");
        ui.awaitNode("#groupInfoDialog");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 1));

        robot.clickOn("#leaveGroupButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup(".dialog-pane .content").queryAll().stream()
                        .anyMatch(node -> node instanceof Label label
                                && label.getText().startsWith("You are the last one in Только я."))));
        robot.clickOn("Leave");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell("Только я") == null);
        ui.awaitNode("#conversationPlaceholder");
        assertEquals(
                List.of(groupId), anna.chats().stream().map(chat -> chat.id()).toList());
    }

    @Test
    void theOwnerIsToldHowToLeaveAndHandsTheGroupOver() throws Exception {
        startAs(anna, "en");
        openGroupInfo();

        // Told at once, not asked "Leave?" and then refused by the server.
        robot.clickOn("#leaveGroupButton");
        ui.awaitNode("#ownerCannotLeave");
        assertTrue(Ui.onFx(() -> ((javafx.scene.control.DialogPane)
                        robot.lookup("#ownerCannotLeave").query())
                .getContentText()
                .contains("Hand it over first")));
        Snapshots.save(dialogShowing("#ownerCannotLeave").getScene(), "group-info-owner-cannot-leave");
        ui.answer("#ownerCannotLeave", 0);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> robot.lookup("#ownerCannotLeave").tryQuery().isEmpty()));
        assertEquals(2, anna.groupMembers(groupId).users().size(), "nobody left");

        robot.clickOn(Ui.onFx(() -> robot.lookup("#memberList .make-owner").queryAll().stream()
                .filter(Node::isVisible)
                .findFirst()
                .orElseThrow()));
        robot.clickOn("Make owner");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> !robot.lookup("#addMemberButton").query().isVisible()));
        assertEquals(boris.me().id(), anna.chatInfo(groupId).ownerId());
        assertTrue(Ui.onFx(() -> robot.lookup("#groupInfoNotOwner").query().isVisible()));
    }

    @Test
    void theOwnerRenamesTheGroupAndTheOthersSeeIt() throws Exception {
        startAs(anna, "ru");
        openGroupInfo();

        robot.clickOn("#editGroupButton");
        ui.awaitNode("#groupNameField");
        Ui.onFx(() -> {
            robot.lookup("#groupNameField").queryAs(TextField.class).setText("");
            return null;
        });
        robot.clickOn("#groupNameField").write("Клуб «Рассвет»");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Ui.onFx(() -> "members".equals(allMentionsChoice().getValue())));
        Ui.onFx(() -> {
            allMentionsChoice().setValue("owner");
            return null;
        });
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-editing-ru");
        robot.clickOn("#saveGroupButton");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Клуб «Рассвет»".equals(text("#groupInfoName")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Клуб «Рассвет»".equals(text("#conversationTitle")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell("Клуб «Рассвет»") != null);
        assertEquals("Клуб «Рассвет»", boris.chats().getFirst().name());
        assertEquals("Читаем по четвергам", boris.chatInfo(groupId).description());
        assertEquals("owner", boris.groupOptions(groupId).allMentions(), "only the owner's @all counts now");
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ChoiceBox<String> allMentionsChoice() {
        return (javafx.scene.control.ChoiceBox<String>)
                robot.lookup("#allMentionsChoice").query();
    }

    @Test
    void aRenameAndNewMembersByTheOwnerShowLiveInAMembersAppAndADeletionClosesTheInfo() throws Exception {
        startAs(boris, "en");
        openGroupInfo();
        var carl = server.register("carl", "Carl");

        anna.updateGroup(groupId, RENAMED, null);
        anna.addMembers(groupId, List.of(carl.me().id()));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> RENAMED.equals(text("#groupInfoName")));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 3));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> RENAMED.equals(text("#conversationTitle")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell(RENAMED) != null);
        Snapshots.save(ui.window().getScene(), "conversation-header-long-name");
        anna.setGroupPhoto(groupId, new ApiClient.Photo("group.png", png()));
        for (String avatar : List.of("#chatList .chat-cell", "#conversationAvatar", "#groupInfoAvatar")) {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> Ui.onFx(() -> robot.lookup(avatar + " .image-view").queryAll().stream()
                            .anyMatch(view -> view.isVisible() && ((ImageView) view).getImage() != null)));
        }
        assertTrue(
                Ui.onFx(() -> {
                    Node search = robot.lookup("#searchButton").query();
                    return search.localToScene(search.getBoundsInLocal()).getMaxX()
                            <= search.getScene().getWidth();
                }),
                "the search button stays in the window");

        anna.deleteGroup(groupId);

        ui.awaitNode("#groupGoneNotice");
        assertTrue(Ui.onFx(() -> robot.lookup("#groupInfoDialog").tryQuery().isEmpty()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell(RENAMED) == null);
        Snapshots.save(dialogShowing("#groupGoneNotice").getScene(), "group-gone-notice");
        ui.awaitNode("#conversationPlaceholder");
    }

    @Test
    void theOwnersGroupInfoInTheDarkTheme() throws Exception {
        startAs(anna, "en");
        robot.clickOn("#mainMenu");
        robot.clickOn("Theme: dark");
        openGroupInfo();
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-owner-dark");
        robot.clickOn("#editGroupButton");
        ui.awaitNode("#groupNameField");
        Snapshots.save(dialogShowing("#groupInfoDialog").getScene(), "group-info-editing-dark");
        Snapshots.save(ui.window().getScene(), "conversation-header-dark");
        assertTrue(Ui.onFx(() -> robot.lookup("#changeGroupPhotoButton").query().isVisible()));
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var paint = image.createGraphics();
        paint.setColor(new java.awt.Color(0x3a6ea5));
        paint.fillRect(0, 0, 64, 64);
        paint.setColor(java.awt.Color.YELLOW);
        paint.fillOval(12, 12, 40, 40);
        paint.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void openChat(String name) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chatCell(name) != null);
        robot.clickOn(chatCell(name));
        ui.awaitNode("#conversationHeader");
    }

    private void openGroupInfo() throws Exception {
        openChat(GROUP);
        robot.clickOn("#conversationHeader");
        ui.awaitNode("#groupInfoDialog");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> Ui.onFx(() -> members().size() == 2));
    }

    /** A chat's row in the main window's chat list, or null while it is not shown. */
    private Node chatCell(String chatName) throws Exception {
        return Ui.onFx(
                () -> robot.from(ui.window().getScene().getRoot()).lookup("#chatList .chat-name").queryAll().stream()
                        .filter(name -> chatName.equals(((Label) name).getText()))
                        .findFirst()
                        .orElse(null));
    }

    private javafx.stage.Window dialogShowing(String query) throws Exception {
        return Ui.onFx(() -> robot.lookup(query).query().getScene().getWindow());
    }

    private List<?> members() {
        return robot.lookup("#memberList")
                .tryQuery()
                .<List<?>>map(list -> ((ListView<?>) list).getItems())
                .orElse(List.of());
    }

    /** The label's text, or "" while it is not there (conditions waited on must not throw). */
    private String text(String query) throws Exception {
        return Ui.onFx(() -> robot.lookup(query)
                .tryQuery()
                .map(node -> ((Label) node).getText())
                .orElse(""));
    }
}
