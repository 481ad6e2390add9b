package app.parley.desktop.newchat;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.account.UserProfile;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finds people on the server by the beginning of their username, as the person types (a quarter
 * second after the last key, so that typing a name costs one search, not one per letter).
 */
public final class UserSearchViewModel {
    private static final int LIMIT = 30;
    private static final long DEBOUNCE_MILLIS = 250;

    private final ApiClient api;
    private final long myId;
    private final Background background;
    private final ProblemText problems;
    private final ScheduledExecutorService timers;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<UserProfile> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<String> answered = new ReadOnlyObjectWrapper<>(this, "answered");
    private ScheduledFuture<?> pending;
    private long generation;

    public UserSearchViewModel(
            ApiClient api, long myId, Background background, ProblemText problems, ScheduledExecutorService timers) {
        this.api = api;
        this.myId = myId;
        this.background = background;
        this.problems = problems;
        this.timers = timers;
        query.addListener((property, before, now) -> schedule());
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** People other than the searcher, by username. */
    public ObservableList<UserProfile> results() {
        return results;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * What the shown results answer: the text searched for ("" for everyone), or null before the
     * first answer, so that an empty list can say whether nobody matched or nobody else is here.
     */
    public ReadOnlyObjectProperty<String> answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /** Searches now (also used for the first, empty query that lists everyone). */
    public void searchNow() {
        long mine = ++generation;
        String prefix = query.get() == null ? "" : query.get().strip().replaceFirst("^@", "");
        background.run(
                () -> api.searchUsers(prefix, LIMIT + 1),
                found -> {
                    if (mine == generation) { // an older, slower answer must not replace a newer one
                        problem.set("");
                        answered.set(prefix);
                        results.setAll(found.stream()
                                .filter(user -> user.id() != myId)
                                .limit(LIMIT)
                                .toList());
                    }
                },
                failure -> problem.set(problems.describe(failure)));
    }

    private void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timers.schedule(() -> background.onUi(this::searchNow), DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
