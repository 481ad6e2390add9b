package app.parley.desktop.main;

import app.parley.desktop.app.Background;
import app.parley.desktop.chats.AvatarPhotos;
import app.parley.desktop.chats.ChatListViewModel;
import app.parley.desktop.groupinfo.GroupInfoViewModel;
import app.parley.desktop.host.HostedAccess;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.invites.InvitesViewModel;
import app.parley.desktop.invites.JoinInviteViewModel;
import app.parley.desktop.newchat.NewGroupDialog;
import app.parley.desktop.newchat.UserSearchViewModel;
import app.parley.desktop.outbox.Outbox;
import app.parley.desktop.presence.PresenceBook;
import app.parley.desktop.profile.MyProfileViewModel;
import app.parley.desktop.profile.PersonViewModel;
import app.parley.desktop.search.MessageSearchViewModel;
import app.parley.desktop.session.SignedIn;
import app.parley.desktop.sessions.SessionsViewModel;
import app.parley.desktop.theme.ThemeChoice;
import app.parley.desktop.theme.Themes;
import app.parley.model.account.UserProfile;
import app.parley.model.event.ServerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window once signed in: who is signed in, the chat list, the window title (with the
 * unread total), the theme, and signing out.
 */
public final class MainViewModel {
    private final Supplier<Optional<HostedAccess>> hostedAccess;
    private final SignedIn session;
    private final ChatListViewModel chats;
    private final Themes themes;
    private final Runnable onSignOut;
    private final Outbox outbox;
    private final StringBinding windowTitle;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);
    private final ReadOnlyObjectWrapper<MessageToShow> messageToShow =
            new ReadOnlyObjectWrapper<>(this, "messageToShow", null);
    private final ReadOnlyBooleanWrapper agentAvailable = new ReadOnlyBooleanWrapper(this, "agentAvailable", false);

    private final Background background;
    private final ProblemText problems;
    private final ScheduledExecutorService timers;
    private final Messages text;
    private final List<Consumer<ServerEvent>> frameListeners = new ArrayList<>();
    private final ReadOnlyObjectWrapper<UserProfile> me = new ReadOnlyObjectWrapper<>(this, "me");
    private final PresenceBook presence;

    /** @param hostedAccess where others join the server this app hosts, while it hosts one */
    public MainViewModel(
            SignedIn session,
            ChatListViewModel chats,
            PresenceBook presence,
            Themes themes,
            Messages text,
            Background background,
            ProblemText problems,
            ScheduledExecutorService timers,
            Outbox outbox,
            Runnable onSignOut,
            Supplier<Optional<HostedAccess>> hostedAccess) {
        this.hostedAccess = hostedAccess;
        this.session = session;
        this.background = background;
        this.problems = problems;
        this.timers = timers;
        this.chats = chats;
        this.presence = presence;
        this.themes = themes;
        this.onSignOut = onSignOut;
        this.outbox = outbox;
        this.text = text;
        this.me.set(session.me());
        this.windowTitle = Bindings.createStringBinding(
                () -> chats.totalUnreadProperty().get() > 0
                        ? text.get(
                                "app.titleWithUnread",
                                chats.totalUnreadProperty().get())
                        : text.get("app.title"),
                chats.totalUnreadProperty());
    }

    public SignedIn session() {
        return session;
    }

    public ChatListViewModel chats() {
        return chats;
    }

    /** Who of the people in the person's chats is online, away or offline. */
    public PresenceBook presence() {
        return presence;
    }

    public StringBinding windowTitle() {
        return windowTitle;
    }

    /** False while the connection to the server is lost and being re-established. */
    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public void connectionLost() {
        online.set(false);
    }

    public void connectionBack() {
        online.set(true);
    }

    /** A fresh search for the new-chat and new-group dialogs. */
    public UserSearchViewModel newUserSearch() {
        return new UserSearchViewModel(session.api(), session.me().id(), background, problems, timers);
    }

    /** A fresh search of all the person's chats. */
    public MessageSearchViewModel newMessageSearch() {
        return new MessageSearchViewModel(session.api(), session.me().id(), chats, background, problems);
    }

    /** A message to bring into view: in its chat, opened for it, or the open one. */
    public record MessageToShow(long chatId, long messageId) {}

    /** The message the person asked to see, until the conversation of its chat takes it. */
    public ReadOnlyObjectProperty<MessageToShow> messageToShowProperty() {
        return messageToShow.getReadOnlyProperty();
    }

    /** Opens a chat at one of its messages (a search result, say). */
    public void showMessage(long chatId, long messageId) {
        messageToShow.set(new MessageToShow(chatId, messageId));
        chats.open(chatId);
    }

    /** The message to show in this chat, once: the conversation that takes it brings it into view. */
    public Optional<Long> takeMessageToShow(long chatId) {
        MessageToShow wanted = messageToShow.get();
        if (wanted == null || wanted.chatId() != chatId) {
            return Optional.empty();
        }
        messageToShow.set(null);
        return Optional.of(wanted.messageId());
    }

    /** Opens the private chat with someone (creating it the first time) and selects it. */
    public void startChatWith(UserProfile user) {
        background.run(
                () -> session.api().openPrivateChat(user.id()),
                chat -> chats.open(chat.id()),
                failure -> problem.set(problems.describe(failure)));
    }

    /** Whether this server has an AI agent to talk to (asked once, when the main window opens). */
    public ReadOnlyBooleanProperty agentAvailableProperty() {
        return agentAvailable.getReadOnlyProperty();
    }

    /** Asks the server whether it has an AI agent; a server that cannot say has none for the app. */
    public void checkAgent() {
        background.run(() -> session.api().agent(), agent -> agentAvailable.set(agent.available()), failure -> {});
    }

    /** Opens the conversation with the AI agent (made on first use) and selects it. */
    public void openAgentChat() {
        background.run(
                () -> session.api().agentConversation(),
                chat -> chats.open(chat.id()),
                failure -> problem.set(problems.describe(failure)));
    }

    public void createGroup(NewGroupDialog.GroupDraft draft) {
        background.run(
                () -> session.api().createGroup(draft.name(), draft.description(), draft.memberIds()),
                group -> chats.open(group.id()),
                failure -> problem.set(problems.describe(failure)));
    }

    /** The last action that failed, said for people; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void dismissProblem() {
        problem.set("");
    }

    public void chooseTheme(ThemeChoice choice) {
        themes.choiceProperty().set(choice);
    }

    public ThemeChoice theme() {
        return themes.choiceProperty().get();
    }

    /** How many messages would be lost by signing out now (the view asks first when there are some). */
    public int unsentCount() {
        return outbox.entries().size();
    }

    /** Signs out; messages still in the outbox are discarded. */
    public void signOut() {
        onSignOut.run();
    }

    /** Who is signed in, as last read: changes when they edit their profile. */
    public ReadOnlyObjectProperty<UserProfile> meProperty() {
        return me.getReadOnlyProperty();
    }

    /** The session's avatar photos. */
    public AvatarPhotos photos() {
        return chats.photos();
    }

    /**
     * A frame from the main socket: the chat list and the presence book apply it, then whoever listens (an open group
     * info). On the FX thread.
     */
    public void frame(ServerEvent event) {
        chats.apply(event);
        presence.apply(event);
        for (Consumer<ServerEvent> listener : List.copyOf(frameListeners)) {
            listener.accept(event);
        }
    }

    /** Hears the main socket's frames until the returned action is run. */
    public Runnable listen(Consumer<ServerEvent> listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /** Selects a chat (reading the list again, so a chat just joined is there). */
    public void openChat(long chatId) {
        chats.open(chatId);
    }

    public JoinInviteViewModel newJoin(String link) {
        var join = new JoinInviteViewModel(session.api(), background, text, problems);
        join.linkProperty().set(link == null ? "" : link);
        return join;
    }

    public InvitesViewModel newInvites(long chatId) {
        return new InvitesViewModel(session.api(), chatId, background, problems);
    }

    public GroupInfoViewModel newGroupInfo(long groupId) {
        return new GroupInfoViewModel(session.api(), groupId, session.me().id(), background, problems, text.locale());
    }

    public MyProfileViewModel newMyProfile() {
        return new MyProfileViewModel(session.api(), me.get(), background, problems);
    }

    /** Where others join the server this app hosts; empty when it joined someone else's. */
    public Optional<HostedAccess> hostedAccess() {
        return session.hosted() ? hostedAccess.get() : Optional.empty();
    }

    /** The person's signed-in devices, read fresh. */
    public SessionsViewModel newSessions() {
        return new SessionsViewModel(session.api(), background, problems);
    }

    public PersonViewModel newPerson(long userId) {
        return new PersonViewModel(session.api(), userId, background, problems);
    }

    /** The profile was saved: the header shows the new name and photo, the list the new photo. */
    public void profileSaved(UserProfile saved) {
        photos().forget(AvatarPhotos.ofUser(saved.id()));
        me.set(saved);
    }
}
