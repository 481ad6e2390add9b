package app.parley.desktop.sessions;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.account.SessionInfo;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The person's signed-in devices (sessions): read from the server, and ended one by one or all
 * but this one, as after losing a laptop. Lives on the FX thread.
 */
public final class SessionsViewModel {
    private final ApiClient api;
    private final Background background;
    private final ProblemText problems;
    private final ObservableList<SessionInfo> sessions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public SessionsViewModel(ApiClient api, Background background, ProblemText problems) {
        this.api = api;
        this.background = background;
        this.problems = problems;
    }

    /** The sessions, most recently used first, this device's among them. */
    public ObservableList<SessionInfo> sessions() {
        return FXCollections.unmodifiableObservableList(sessions);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void load() {
        loading.set(true);
        background.run(
                () -> api.sessions().sessions(),
                found -> {
                    loading.set(false);
                    problem.set("");
                    // This device first, then the others as the server orders them (most recently used first).
                    sessions.setAll(found.stream()
                            .sorted(java.util.Comparator.comparing(SessionInfo::current)
                                    .reversed())
                            .toList());
                },
                this::failed);
    }

    /** Ends one session (not this one: signing out does that). */
    public void end(SessionInfo session) {
        if (session.current()) {
            return;
        }
        background.run(
                () -> {
                    api.endSession(session.id());
                    return session;
                },
                ended -> sessions.remove(ended),
                this::failed);
    }

    /** Ends every session but this one. */
    public void endOthers() {
        List<SessionInfo> others =
                sessions.stream().filter(session -> !session.current()).toList();
        background.run(
                () -> {
                    for (SessionInfo session : others) {
                        api.endSession(session.id());
                    }
                    return others;
                },
                sessions::removeAll,
                this::failed);
    }

    /** Whether there is any session besides this one. */
    public boolean hasOthers() {
        return sessions.stream().anyMatch(session -> !session.current());
    }

    private void failed(Throwable failure) {
        loading.set(false);
        problem.set(problems.describe(failure));
    }
}
