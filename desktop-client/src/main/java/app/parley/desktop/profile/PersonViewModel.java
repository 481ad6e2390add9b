package app.parley.desktop.profile;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.account.UserProfile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Someone else's profile, read-only: read from the server when shown. */
public final class PersonViewModel {
    private final ApiClient api;
    private final long userId;
    private final Background background;
    private final ProblemText problems;
    private final ReadOnlyObjectWrapper<UserProfile> person = new ReadOnlyObjectWrapper<>(this, "person");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public PersonViewModel(ApiClient api, long userId, Background background, ProblemText problems) {
        this.api = api;
        this.userId = userId;
        this.background = background;
        this.problems = problems;
    }

    public long userId() {
        return userId;
    }

    /** The profile; null until it has been read. */
    public ReadOnlyObjectProperty<UserProfile> personProperty() {
        return person.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void load() {
        background.run(() -> api.user(userId), person::set, failure -> problem.set(problems.describe(failure)));
    }
}
