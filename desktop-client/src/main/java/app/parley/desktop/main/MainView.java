package app.parley.desktop.main;

import app.parley.desktop.chats.Avatar;
import app.parley.desktop.chats.ChatListView;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.groupinfo.GroupInfoDialog;
import app.parley.desktop.host.HostedServerDialog;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.invites.InviteDialog;
import app.parley.desktop.invites.JoinInviteDialog;
import app.parley.desktop.newchat.NewChatDialog;
import app.parley.desktop.newchat.NewGroupDialog;
import app.parley.desktop.profile.MyProfileDialog;
import app.parley.desktop.profile.PersonDialog;
import app.parley.desktop.search.MessageSearchDialog;
import app.parley.desktop.sessions.SessionsDialog;
import app.parley.desktop.theme.ThemeChoice;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: the sidebar (who is signed in, the chat list) and the conversation area. */
public final class MainView {
    private static final String STYLESHEET = "main.css";
    private static final KeyCombination FILTER_SHORTCUT =
            new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SEARCH_SHORTCUT =
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final MainViewModel viewModel;
    private final Messages text;
    private final ChatListView chatList;
    private final SplitPane split = new SplitPane();
    private final StackPane root = new StackPane(split);
    private final StackPane conversationArea = new StackPane();
    private final Clock clock;
    private Label placeholder;

    public MainView(MainViewModel viewModel, Messages text, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.text = Objects.requireNonNull(text);
        this.clock = clock;
        this.chatList = new ChatListView(viewModel.chats(), viewModel.presence(), text, clock);
        build();
    }

    public Parent root() {
        return root;
    }

    public ChatListView chatList() {
        return chatList;
    }

    /** Lays the toasts over the window's top-right corner. */
    public void showNotifications(Parent layer) {
        StackPane.setAlignment(layer, Pos.TOP_RIGHT);
        root.getChildren().add(layer);
    }

    /** The empty state beside the chat list: no chat open. */
    public void showPlaceholder() {
        conversationArea.getChildren().setAll(placeholder);
    }

    /** Shows a conversation (or anything else) in the area beside the chat list. */
    public void showConversation(Parent content) {
        conversationArea.getChildren().setAll(content);
    }

    public void focus() {
        chatList.list().requestFocus();
    }

    private void build() {
        var problem = new Label();
        problem.setId("mainProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setOnMouseClicked(event -> viewModel.dismissProblem());
        var sidebar = new VBox(header(), problem, chatList.root());
        sidebar.getStyleClass().add("sidebar");
        sidebar.setMinWidth(240);
        sidebar.setPrefWidth(320);
        VBox.setVgrow(chatList.root(), Priority.ALWAYS);

        placeholder = new Label(text.get("main.placeholder"), new FontIcon(Feather.MESSAGE_CIRCLE));
        placeholder.setId("conversationPlaceholder");
        placeholder.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TITLE_4);
        conversationArea.getChildren().add(placeholder);
        conversationArea.getStyleClass().add("conversation-area");

        var offline =
                new atlantafx.base.controls.Message(null, text.get("main.offline"), new FontIcon(Feather.WIFI_OFF));
        offline.setId("offlineBar");
        offline.getStyleClass().add(Styles.WARNING);
        offline.visibleProperty().bind(viewModel.onlineProperty().not());
        offline.managedProperty().bind(offline.visibleProperty());
        var conversationColumn = new VBox(offline, conversationArea);
        VBox.setVgrow(conversationArea, Priority.ALWAYS);

        root.setId("mainView");
        split.getItems().addAll(sidebar, conversationColumn);
        split.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(sidebar, false);
        root.getStylesheets()
                .add(Objects.requireNonNull(MainView.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(FILTER_SHORTCUT, chatList::focusFilter);
                // Also on the menu item, which shows it; a menu's accelerators may not be
                // registered before it is first opened.
                scene.getAccelerators().put(SEARCH_SHORTCUT, this::openMessageSearch);
            }
        });
    }

    private HBox header() {
        var me = viewModel.session().me();
        var avatar = new Avatar(32);
        var name = new Label(me.name());
        viewModel.meProperty().subscribe(now -> {
            avatar.show(now.id(), now.name(), now.photoUrl(), viewModel.photos());
            name.setText(now.name());
        });
        name.setId("signedInName");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        var username = new Label("@" + me.username());
        username.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        username.setMinWidth(0);
        var who = new VBox(0, name, username);
        who.setMinWidth(0);

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(4, avatar, who, spacer, newMenu(), menu());
        HBox.setMargin(who, new javafx.geometry.Insets(0, 0, 0, 6));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("sidebar-header");
        return header;
    }

    private MenuButton newMenu() {
        var chat = new MenuItem(text.get("main.new.chat"), new FontIcon(Feather.USER));
        chat.setId("newChatItem");
        chat.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        chat.setOnAction(event -> new NewChatDialog(
                        viewModel.newUserSearch(), text, root.getScene().getWindow())
                .choose()
                .ifPresent(viewModel::startChatWith));
        var group = new MenuItem(text.get("main.new.group"), new FontIcon(Feather.USERS));
        group.setId("newGroupItem");
        group.setAccelerator(
                new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        group.setOnAction(event -> new NewGroupDialog(
                        viewModel.newUserSearch(), text, root.getScene().getWindow())
                .fill()
                .ifPresent(viewModel::createGroup));
        var agent = new MenuItem(text.get("main.new.agent"), new FontIcon(Feather.CPU));
        agent.setId("agentChatItem");
        agent.visibleProperty().bind(viewModel.agentAvailableProperty());
        agent.setOnAction(event -> viewModel.openAgentChat());
        var join = new MenuItem(text.get("main.join"), new FontIcon(Feather.LINK));
        join.setId("joinByInviteItem");
        join.setOnAction(event -> openJoin(""));
        var menu = new MenuButton(null, new FontIcon(Feather.EDIT));
        menu.setId("newMenu");
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "no-arrow");
        menu.setAccessibleText(text.get("main.new"));
        menu.setTooltip(new javafx.scene.control.Tooltip(text.get("main.new")));
        menu.getItems().addAll(chat, group, agent, new SeparatorMenuItem(), join);
        return menu;
    }

    private MenuButton menu() {
        var themes = new ToggleGroup();
        var system = themeItem(themes, ThemeChoice.SYSTEM, "main.theme.system");
        var light = themeItem(themes, ThemeChoice.LIGHT, "main.theme.light");
        var dark = themeItem(themes, ThemeChoice.DARK, "main.theme.dark");
        var signOut = new MenuItem(text.get("main.signOut"), new FontIcon(Feather.LOG_OUT));
        signOut.setId("signOutItem");
        signOut.setOnAction(event -> {
            if (mayDiscardUnsent()) {
                viewModel.signOut();
            }
        });

        var menu = new MenuButton(null, new FontIcon(Feather.MENU));
        menu.setId("mainMenu");
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "no-arrow");
        menu.setAccessibleText(text.get("main.menu"));
        menu.setTooltip(new javafx.scene.control.Tooltip(text.get("main.menu")));
        var profile = new MenuItem(text.get("main.profile"), new FontIcon(Feather.USER));
        profile.setId("myProfileItem");
        profile.setOnAction(event -> openMyProfile());
        var devices = new MenuItem(text.get("main.sessions"), new FontIcon(Feather.MONITOR));
        devices.setId("sessionsItem");
        devices.setOnAction(event -> new SessionsDialog(viewModel.newSessions(), text, clock, window()).show());
        var search = new MenuItem(text.get("main.search"), new FontIcon(Feather.SEARCH));
        search.setId("searchAllItem");
        search.setAccelerator(SEARCH_SHORTCUT);
        search.setOnAction(event -> openMessageSearch());
        menu.getItems().addAll(search, new SeparatorMenuItem(), profile, devices);
        viewModel.hostedAccess().ifPresent(access -> {
            var hosted = new MenuItem(text.get("main.hosted"), new FontIcon(Feather.SERVER));
            hosted.setId("hostedServerItem");
            // Read when opened: the address follows the computer's network.
            hosted.setOnAction(event ->
                    viewModel.hostedAccess().ifPresent(now -> new HostedServerDialog(now, text, window()).show()));
            menu.getItems().add(hosted);
        });
        menu.getItems().addAll(new SeparatorMenuItem(), system, light, dark, new SeparatorMenuItem(), signOut);
        return menu;
    }

    /** "Search all chats": the match chosen opens its chat at that message. */
    public void openMessageSearch() {
        new MessageSearchDialog(viewModel.newMessageSearch(), text, clock, window())
                .choose()
                .ifPresent(hit -> viewModel.showMessage(
                        hit.message().chatId(), hit.message().id()));
    }

    /** Signing out discards the outbox: asks first when it holds messages. */
    private boolean mayDiscardUnsent() {
        int unsent = viewModel.unsentCount();
        if (unsent == 0) {
            return true;
        }
        var discard = new ButtonType(text.get("main.signOut.discard"), ButtonBar.ButtonData.OK_DONE);
        var keep = new ButtonType(text.get("main.signOut.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, text.get("main.signOut.unsent", unsent), discard, keep);
        alert.initOwner(window());
        alert.setTitle(text.get("app.title"));
        alert.setHeaderText(text.get("main.signOut.unsentHeader"));
        alert.getDialogPane().setId("unsentSignOutDialog");
        // Enter keeps the messages: losing them takes a deliberate choice.
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(discard::equals).isPresent();
    }

    private RadioMenuItem themeItem(ToggleGroup group, ThemeChoice choice, String key) {
        var item = new RadioMenuItem(text.get(key));
        item.setToggleGroup(group);
        item.setSelected(viewModel.theme() == choice);
        item.setOnAction(event -> viewModel.chooseTheme(choice));
        return item;
    }

    /** "Join by invite", with a link already filled in when one was opened (empty otherwise). */
    public void openJoin(String link) {
        new JoinInviteDialog(viewModel.newJoin(link), text, viewModel.photos(), window(), viewModel::openChat).show();
    }

    public void openMyProfile() {
        new MyProfileDialog(viewModel.newMyProfile(), text, viewModel.photos(), window(), viewModel::profileSaved)
                .show();
    }

    /** A chat's info: a group's info and members, or the other person's profile. */
    public void showChatInfo(ChatRoom chat) {
        if (chat.type() == ChatType.GROUP) {
            var info = viewModel.newGroupInfo(chat.id());
            Runnable stopListening = viewModel.listen(info::apply);
            new GroupInfoDialog(
                            info,
                            text,
                            viewModel.photos(),
                            viewModel.presence(),
                            window(),
                            new GroupInfoDialog.Actions(
                                    viewModel::newUserSearch,
                                    groupName -> new InviteDialog(
                                                    viewModel.newInvites(chat.id()), groupName, text, clock, window())
                                            .show(),
                                    member -> showPerson(UserIds.idOf(member)),
                                    () -> viewModel.chats().remove(chat.id()),
                                    stopListening))
                    .show();
        } else if (chat.otherUser() != null) {
            showPerson(UserIds.idOf(chat.otherUser()));
        }
    }

    private void showPerson(long userId) {
        if (userId == viewModel.session().me().id()) {
            openMyProfile();
            return;
        }
        new PersonDialog(viewModel.newPerson(userId), text, viewModel.photos(), window(), viewModel::startChatWith)
                .show();
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }
}
