package app.parley.desktop.app;

import app.parley.desktop.attachments.Attachments;
import app.parley.desktop.chats.ChatListViewModel;
import app.parley.desktop.connect.Connected;
import app.parley.desktop.connect.ServerConnector;
import app.parley.desktop.conversation.ChatHeaderViewModel;
import app.parley.desktop.conversation.ConversationView;
import app.parley.desktop.conversation.ConversationViewModel;
import app.parley.desktop.conversation.Drafts;
import app.parley.desktop.discovery.DiscoveryViewModel;
import app.parley.desktop.discovery.ServerBrowser;
import app.parley.desktop.host.LanAddresses;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.main.MainView;
import app.parley.desktop.main.MainViewModel;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.net.RealtimeListener;
import app.parley.desktop.net.RealtimeSocket;
import app.parley.desktop.net.ServerAddress;
import app.parley.desktop.notifications.NotificationsView;
import app.parley.desktop.notifications.NotificationsViewModel;
import app.parley.desktop.outbox.Outbox;
import app.parley.desktop.outbox.OutboxStore;
import app.parley.desktop.presence.IdleWatch;
import app.parley.desktop.presence.PresenceBook;
import app.parley.desktop.presence.PresenceText;
import app.parley.desktop.session.SavedSession;
import app.parley.desktop.session.SessionStore;
import app.parley.desktop.session.SignedIn;
import app.parley.desktop.signin.SignInView;
import app.parley.desktop.signin.SignInViewModel;
import app.parley.desktop.theme.Themes;
import app.parley.desktop.tls.KnownCertificates;
import app.parley.desktop.tray.Tray;
import app.parley.desktop.welcome.WelcomeView;
import app.parley.desktop.welcome.WelcomeViewModel;
import app.parley.model.chat.ChatRoom;
import app.parley.model.event.ClientFrame;
import app.parley.model.event.LastMessageEvent;
import app.parley.model.event.ServerEvent;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which screen the window shows, and the way between them: welcome (host or join) → sign in →
 * main window, and back. At start a remembered session opens the chat list directly; a session
 * the server no longer accepts goes to sign-in with the name filled in.
 */
public final class AppFlow {
    private static final Logger LOG = LoggerFactory.getLogger(AppFlow.class);

    private final Stage stage;
    private final Messages text;
    private final ProblemText problems;
    private final Background background;
    private final ServerConnector connector;
    private final int defaultHostPort;
    private final SessionStore sessions;
    private final Themes themes;
    private final Clock clock;
    private final RealtimeClient realtime;
    private final ScheduledExecutorService timers;
    private final Consumer<String> openLink;
    private final Path cache;
    private final OutboxStore outboxes;
    private final Tray tray;
    private Subscription trayFeed = Subscription.EMPTY;
    private Subscription selectionFeed = Subscription.EMPTY;
    private DiscoveryViewModel discovery;
    /** The welcome screen's model while it shows. */
    private WelcomeViewModel welcome;

    private ChatListViewModel chatList;
    private final BenchProbe probe;
    /** How long without input before the person counts as away. */
    private final Duration idleAfter;

    private final KnownCertificates certificates;

    private PresenceBook presence;
    private IdleWatch idle;
    private SignedIn current;
    private Drafts drafts = new Drafts();
    private Attachments attachments;
    private Outbox outbox;
    private RealtimeSocket mainSocket;
    private ConversationViewModel openConversation;
    /** The open conversation's view, to give it the keyboard. */
    private ConversationView openView;
    /** Stops the open conversation's header hearing the main socket. */
    private Runnable stopHeader = () -> {};

    private MainView mainView;
    private String pendingLink;

    public AppFlow(
            Stage stage,
            Messages text,
            ProblemText problems,
            Background background,
            ServerConnector connector,
            int defaultHostPort,
            SessionStore sessions,
            Themes themes,
            Clock clock,
            RealtimeClient realtime,
            ScheduledExecutorService timers,
            Consumer<String> openLink,
            Path cache,
            OutboxStore outboxes,
            Tray tray,
            BenchProbe probe,
            Duration idleAfter,
            KnownCertificates certificates) {
        this.certificates = certificates;
        this.stage = stage;
        this.text = text;
        this.problems = problems;
        this.background = background;
        this.connector = connector;
        this.defaultHostPort = defaultHostPort;
        this.sessions = sessions;
        this.themes = themes;
        this.clock = clock;
        this.realtime = realtime;
        this.timers = timers;
        this.openLink = openLink;
        this.cache = cache;
        this.outboxes = outboxes;
        this.tray = tray;
        this.probe = probe;
        this.idleAfter = idleAfter;
    }

    /** The first screen: the remembered session if there is one, else the welcome screen. */
    public void begin() {
        Optional<SavedSession> saved = sessions.load();
        if (saved.isPresent() && saved.get().signedIn()) {
            restore(saved.get());
        } else {
            showWelcome(saved.filter(s -> !s.hosted()).map(SavedSession::server).orElse(""), "");
        }
    }

    public void showWelcome(String address, String problem) {
        leaveMain();
        current = null;
        var viewModel = new WelcomeViewModel(
                text,
                problems,
                background,
                connector,
                sessions.load()
                        .filter(SavedSession::hosted)
                        .map(SavedSession::hostedPort)
                        .filter(port -> port > 0)
                        .orElse(defaultHostPort),
                connected -> showSignIn(connected, rememberedUsername(connected), ""),
                certificates);
        viewModel.addressProperty().set(address);
        viewModel.showProblem(problem);
        viewModel.onInviteLink(link -> pendingLink = link);
        if (pendingLink != null) {
            viewModel.inviteWaiting();
        }
        var found = new DiscoveryViewModel(background, timers, ServerBrowser::start, LanAddresses.browsingAddress());
        var view = new WelcomeView(viewModel, found, text);
        show(view.root(), text.get("app.title"));
        welcome = viewModel;
        discovery = found;
        found.start();
        view.focus();
    }

    public void showSignIn(Connected connected, String username, String notice) {
        leaveMain();
        current = null;
        var viewModel = new SignInViewModel(
                text, problems, background, connected, this::signedIn, () -> pendingLink, connector::hostedAccess);
        viewModel.prefill(username, notice);
        if (connected.awaitingFirstAccount()) {
            viewModel.registeringProperty().set(true);
        }
        var view = new SignInView(
                viewModel,
                text,
                () -> showWelcome(
                        connected.hosted() ? "" : connected.api().server().display(), ""));
        show(view.root(), text.get("app.title"));
        view.focus();
    }

    private void signedIn(SignedIn session) {
        sessions.save(session.toSaved());
        showMain(session);
    }

    /**
     * Opens a {@code parley://invite/…} link (from the command line or a second launch): on the
     * join preview at once when signed in, else as soon as the main window opens after sign-in.
     */
    public void openLink(String link) {
        if (current != null && mainView != null) {
            mainView.openJoin(link);
        } else {
            pendingLink = link;
            if (welcome != null) {
                welcome.inviteWaiting();
            }
        }
    }

    /** Opens a chat of the signed-in person (from the tray); nothing when nobody is signed in. */
    public void openChat(long chatId) {
        if (current != null && chatList != null) {
            chatList.open(chatId);
        }
    }

    /** Who is signed in now, if anyone. */
    public Optional<SignedIn> current() {
        return Optional.ofNullable(current);
    }

    private void showMain(SignedIn session) {
        leaveMain();
        current = session;
        drafts = new Drafts(); // one person's drafts never show to the next one signed in
        attachments = new Attachments(session.api(), background, problems, text, cache);
        attachments.limit().prefetch();
        var unsent = new Outbox(
                session.api(), session.me().id(), attachments, background, timers, clock, outboxes, problems);
        outbox = unsent;
        var chats = new ChatListViewModel(
                session.api(),
                session.me().id(),
                background,
                problems,
                this::sessionEnded,
                unsent.unsentChats(),
                clock);
        var people = new PresenceBook(session.api(), background);
        presence = people;
        var viewModel = new MainViewModel(
                session,
                chats,
                people,
                themes,
                text,
                background,
                problems,
                timers,
                unsent,
                () -> signOut(session),
                connector::hostedAccess);
        var view = new MainView(viewModel, text, clock);
        var notifications = new NotificationsViewModel(
                session.me().id(),
                text,
                background,
                timers,
                () -> openConversation == null ? 0 : openConversation.chat().id(),
                stage::isFocused,
                chats::open,
                clock);
        view.showNotifications(new NotificationsView(notifications, text).root());
        chatList = chats;
        trayFeed = Subscription.combine(
                chats.totalUnreadProperty().subscribe(total -> tray.showUnread(total.longValue())),
                notifications.onSystemNotice(tray::notify));
        show(view.root(), null);
        stage.titleProperty().bind(viewModel.windowTitle());
        probe.watchChatList(chats.visibleChats(), stage.getScene());
        if (probe.openChatId() > 0) {
            chats.requestedProperty().set(probe.openChatId());
        }
        chats.reload();
        viewModel.checkAgent();
        mainSocket = realtime.main(session.api(), new RealtimeListener() {
            @Override
            public void connected() {
                // After a drop the list is read again, so that it agrees with the server.
                background.onUi(() -> {
                    viewModel.connectionBack();
                    chats.reload();
                    people.reload();
                    if (idle != null && idle.isAway()) {
                        reportPresence(true); // a new socket starts out online
                    }
                    unsent.online();
                });
            }

            @Override
            public void frame(ServerEvent frame) {
                background.onUi(() -> {
                    viewModel.frame(frame);
                    if (frame instanceof LastMessageEvent last) {
                        notifications.arrived(last, chats.find(last.chatId()));
                    }
                });
            }

            @Override
            public void disconnected() {
                background.onUi(() -> {
                    viewModel.connectionLost();
                    people.forget();
                    unsent.offline();
                });
            }

            @Override
            public void ended(int code) {
                if (code == RealtimeListener.SESSION_ENDED) {
                    background.onUi(() -> sessionEnded(new IllegalStateException("the server refused the token")));
                }
            }
        });
        idle = new IdleWatch(stage.getScene(), clock, idleAfter, this::reportPresence);
        // Unsubscribed when the main view is left: its list may still settle a selection later.
        selectionFeed = view.chatList().chosenProperty().subscribe(chat -> {
            if (chat != null
                    && current == session
                    && (openConversation == null || openConversation.chat().id() != chat.id())) {
                openChat(session, viewModel, view, chat);
                notifications.chatOpened(chat.id());
            }
        });
        // Chosen with Enter from the filter box: the cursor goes to the open chat's composer.
        view.chatList().setOnChosen(() -> {
            if (openView != null) {
                openView.focus();
            }
        });
        // A message asked for in the chat already open: no new conversation will take it.
        viewModel.messageToShowProperty().subscribe(wanted -> {
            if (wanted != null
                    && openConversation != null
                    && openConversation.chat().id() == wanted.chatId()) {
                viewModel.takeMessageToShow(wanted.chatId()).ifPresent(openConversation::jumpToWhenLoaded);
            }
        });
        chats.setOnChatGone(chatId -> {
            // Left, removed or deleted while open: back to the empty state, not a dead conversation.
            if (openConversation != null && openConversation.chat().id() == chatId) {
                closeConversation();
                view.chatList().forgetChosen();
                view.showPlaceholder();
            }
        });
        view.focus();
        mainView = view;
        if (pendingLink != null) {
            String link = pendingLink;
            pendingLink = null;
            background.onUi(() -> view.openJoin(link)); // once the window shows the chat list
        }
    }

    private void openChat(SignedIn session, MainViewModel mainModel, MainView main, ChatRoom chat) {
        closeConversation();
        var viewModel = new ConversationViewModel(
                session, chat, realtime, background, problems, text, clock, timers, drafts, attachments, outbox);
        viewModel.inViewProperty().bind(stage.focusedProperty());
        var header = new ChatHeaderViewModel(chat, mainModel.presence(), new PresenceText(text, clock));
        stopHeader = mainModel.listen(header::apply);
        var view = new ConversationView(viewModel, header, mainModel.photos(), text, clock, openLink);
        view.onHeaderClicked(() -> main.showChatInfo(chat));
        openConversation = viewModel;
        openView = view;
        mainModel.takeMessageToShow(chat.id()).ifPresent(viewModel::jumpToWhenLoaded);
        main.showConversation(view.root());
        probe.conversationOpened(viewModel);
        // Walking the list with the arrow keys opens each chat in turn and must keep walking; a
        // click or Enter then puts the cursor in the composer (ChatListView.setOnChosen).
        if (!main.chatList().list().isFocused()) {
            view.focus();
        }
    }

    private void closeConversation() {
        stopHeader.run();
        stopHeader = () -> {};
        if (openConversation != null) {
            openConversation.inViewProperty().unbind();
            openConversation.close();
            openConversation = null;
        }
        openView = null;
    }

    /** The welcome screen's watch for servers on the network, when it is shown. */
    private void stopLookingForServers() {
        if (discovery != null) {
            discovery.close();
            discovery = null;
        }
    }

    /** Closes what the main window holds open (its sockets); called when leaving it and when the app stops. */
    public void leaveMain() {
        stopLookingForServers();
        closeConversation();
        mainView = null;
        chatList = null;
        trayFeed.unsubscribe();
        trayFeed = Subscription.EMPTY;
        selectionFeed.unsubscribe();
        selectionFeed = Subscription.EMPTY;
        tray.showUnread(0);
        if (idle != null) {
            idle.close();
            idle = null;
        }
        if (presence != null) {
            presence.close();
            presence = null;
        }
        if (mainSocket != null) {
            mainSocket.close();
            mainSocket = null;
        }
        if (outbox != null) {
            outbox.close();
            outbox = null;
        }
    }

    /** Tells the server whether the person is at the app; a closed socket says it again when it opens. */
    private void reportPresence(boolean away) {
        if (mainSocket != null) {
            mainSocket.send(ClientFrame.presence(away ? "away" : "online"));
        }
    }

    private void signOut(SignedIn session) {
        if (outbox != null) {
            outbox.discardAll(); // the person was asked first (MainView)
        }
        sessions.signOut();
        // Ended on the server too, so that the token stops counting; forgotten here whatever it answers.
        background.run(
                () -> {
                    session.api().signOut();
                    return session;
                },
                ended -> {},
                failure -> LOG.debug("Could not end the session on the server", failure));
        showSignIn(
                new Connected(session.api().signedOut(), session.hosted(), session.hostedPort()),
                session.me().username(),
                "");
    }

    private void sessionEnded(Throwable failure) {
        Optional<SavedSession> saved = sessions.load();
        sessions.signOut();
        saved.ifPresentOrElse(
                s -> reconnectForSignIn(s, text.get("signin.sessionEnded")),
                () -> showWelcome("", problems.describe(failure)));
    }

    private void restore(SavedSession saved) {
        showBusy(text.get("main.restoring"));
        background.run(
                () -> connect(saved),
                connected -> background.run(
                        () -> connected.api().signedIn(saved.token()).me(),
                        me -> showMain(new SignedIn(
                                connected.api().signedIn(saved.token()),
                                me,
                                connected.hosted(),
                                connected.hostedPort())),
                        failure -> {
                            if (failure instanceof ApiException refused && refused.sessionEnded()) {
                                sessions.signOut();
                                showSignIn(connected, saved.username(), text.get("signin.sessionEnded"));
                            } else {
                                showWelcome(saved.hosted() ? "" : saved.server(), problems.describe(failure));
                            }
                        }),
                failure -> showWelcome(saved.hosted() ? "" : displayOf(saved.server()), problems.describe(failure)));
    }

    private void reconnectForSignIn(SavedSession saved, String notice) {
        showBusy(text.get("welcome.busy.join"));
        background.run(
                () -> connect(saved),
                connected -> showSignIn(connected, saved.username(), notice),
                failure -> showWelcome(saved.hosted() ? "" : displayOf(saved.server()), problems.describe(failure)));
    }

    private Connected connect(SavedSession saved) {
        if (saved.hosted()) {
            return connector.host(saved.hostedPort());
        }
        ServerAddress address = ServerAddress.parse(saved.server())
                .orElseThrow(
                        () -> new IllegalStateException("the remembered server address is damaged: " + saved.server()));
        return connector.join(address);
    }

    private String rememberedUsername(Connected connected) {
        return sessions.load()
                .filter(s -> s.hosted() == connected.hosted()
                        && (s.hosted()
                                || s.server().equals(connected.api().server().toString())))
                .map(SavedSession::username)
                .orElse("");
    }

    /** The address as the person would type it: {@code host:port}, with {@code https://} kept. */
    private static String displayOf(String server) {
        return ServerAddress.parse(server)
                .map(address -> address.base().getScheme().equals("https") ? address.toString() : address.display())
                .orElse(server);
    }

    private void showBusy(String doing) {
        var spinner = new ProgressIndicator();
        var label = new Label(doing);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        var box = new VBox(12, spinner, label);
        box.setId("busyView");
        box.setAlignment(Pos.CENTER);
        show(box, text.get("app.title"));
    }

    private void show(Parent root, String title) {
        stopLookingForServers();
        welcome = null;
        stage.titleProperty().unbind();
        if (title != null) {
            stage.setTitle(title);
        }
        stage.getScene().setRoot(root);
        probe.screenShown(root, stage.getScene());
    }
}
