package app.parley.desktop.main;

import app.parley.desktop.chats.ChatListViewModel;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.session.SignedIn;
import app.parley.desktop.theme.ThemeChoice;
import app.parley.desktop.theme.Themes;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The main window once signed in: who is signed in, the chat list, the window title (with the
 * unread total), the theme, and signing out.
 */
public final class MainViewModel {
    private final SignedIn session;
    private final ChatListViewModel chats;
    private final Themes themes;
    private final Runnable onSignOut;
    private final StringBinding windowTitle;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);

    public MainViewModel(SignedIn session, ChatListViewModel chats, Themes themes, Messages text, Runnable onSignOut) {
        this.session = session;
        this.chats = chats;
        this.themes = themes;
        this.onSignOut = onSignOut;
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

    public void chooseTheme(ThemeChoice choice) {
        themes.choiceProperty().set(choice);
    }

    public ThemeChoice theme() {
        return themes.choiceProperty().get();
    }

    public void signOut() {
        onSignOut.run();
    }
}
