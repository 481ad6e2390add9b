package app.parley.desktop.signin;

import app.parley.desktop.app.Background;
import app.parley.desktop.connect.Connected;
import app.parley.desktop.host.HostedAccess;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.session.SignedIn;
import app.parley.model.account.AuthResponse;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign in to a server that answered, or create an account on it. A refusal stays in the form:
 * {@link #problemProperty()} says it, {@link #problemFieldProperty()} names the field at fault
 * ({@code username}, {@code password}, {@code name}) so the view can mark it.
 */
public final class SignInViewModel {
    private final Messages text;
    private final ProblemText problems;
    private final Background background;
    private final Connected server;
    private final Consumer<SignedIn> onSignedIn;

    private final BooleanProperty registering = new SimpleBooleanProperty(this, "registering", false);
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper problemField = new ReadOnlyStringWrapper(this, "problemField", "");

    private final Supplier<String> invite;
    private final Supplier<Optional<HostedAccess>> hostedAccess;

    /**
     * @param invite       the invite link the app holds, if any: a server that takes new accounts by
     *                     invitation only is sent it when it asks for one
     * @param hostedAccess where others join the server this app hosts, and its certificate's fingerprint
     */
    public SignInViewModel(
            Messages text,
            ProblemText problems,
            Background background,
            Connected server,
            Consumer<SignedIn> onSignedIn,
            Supplier<String> invite,
            Supplier<Optional<HostedAccess>> hostedAccess) {
        this.invite = invite;
        this.hostedAccess = hostedAccess;
        this.text = text;
        this.problems = problems;
        this.background = background;
        this.server = server;
        this.onSignedIn = onSignedIn;
        username.subscribe(typed -> corrected("username"));
        password.subscribe(typed -> corrected("password"));
        name.subscribe(typed -> corrected("name"));
    }

    /** The person is changing the field at fault: what was said about it no longer holds. */
    private void corrected(String field) {
        if (field.equals(problemField.get())) {
            problem.set("");
            problemField.set("");
        }
    }

    /** Fills the name in and says why the person is here again (their session ended). */
    public void prefill(String knownUsername, String notice) {
        username.set(knownUsername == null ? "" : knownUsername);
        problem.set(notice == null ? "" : notice);
        problemField.set("");
    }

    /** Where the person is signing in, as shown above the form. */
    public String serverLine() {
        if (!server.hosted()) {
            return text.get("signin.server", server.api().server().display());
        }
        return hostedAccess
                .get()
                .map(access -> text.get("signin.server.hosted", access.joinAddress()))
                .orElseGet(() -> text.get("signin.server.hostedHere"));
    }

    /**
     * The hosted server's certificate fingerprint, which the people joining are asked to compare;
     * empty when this app hosts nothing.
     */
    public Optional<String> hostedFingerprint() {
        return server.hosted() ? hostedAccess.get().map(HostedAccess::fingerprint) : Optional.empty();
    }

    public BooleanProperty registeringProperty() {
        return registering;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public void switchMode() {
        registering.set(!registering.get());
        problem.set("");
        problemField.set("");
    }

    public void submit() {
        if (busy.get()) {
            return;
        }
        String user = username.get().strip();
        if (user.isEmpty()) {
            refuse("username", text.get("signin.missing.username"));
            return;
        }
        if (password.get().isEmpty()) {
            refuse("password", text.get("signin.missing.password"));
            return;
        }
        problem.set("");
        problemField.set("");
        busy.set(true);
        boolean register = registering.get();
        String secret = password.get();
        String displayName = name.get().strip();
        String held = invite.get();
        background.run(
                () -> register
                        ? registerWithInviteIfAsked(user, secret, displayName.isEmpty() ? null : displayName, held)
                        : server.api().login(user, secret),
                this::signedIn,
                this::failed);
    }

    /**
     * Registers; where the server takes only the invited, again with the invite link the app
     * holds. Not sent otherwise: a link to another server would make this one refuse.
     */
    private AuthResponse registerWithInviteIfAsked(String user, String secret, String displayName, String held) {
        try {
            return server.api().register(user, secret, displayName, null);
        } catch (ApiException refused) {
            if ("invite_required".equals(refused.code()) && held != null) {
                return server.api().register(user, secret, displayName, held);
            }
            throw refused;
        }
    }

    private void signedIn(AuthResponse auth) {
        busy.set(false);
        password.set("");
        onSignedIn.accept(new SignedIn(
                server.api().signedIn(auth.accessToken()), auth.user(), server.hosted(), server.hostedPort()));
    }

    private void failed(Throwable failure) {
        busy.set(false);
        String field = failure instanceof ApiException refused && refused.field() != null ? refused.field() : "";
        if (failure instanceof ApiException refused && refused.code().equals("username_taken")) {
            field = "username";
        }
        refuse(field, problems.describe(failure));
    }

    private void refuse(String field, String sentence) {
        problemField.set(field);
        problem.set(sentence);
    }
}
