package app.parley.desktop.welcome;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the welcome screen, the first thing a user sees: host a chat or join one.
 *
 * <p>Hosting and joining arrive in later issues; until then both actions are unavailable and
 * {@link #unavailableHintProperty()} says why. The view binds to these properties and never
 * decides availability itself.
 */
public final class WelcomeViewModel {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Parley");
    private final ReadOnlyStringWrapper tagline =
            new ReadOnlyStringWrapper(this, "tagline", "Host a chat on this computer or join one on your network");
    private final ReadOnlyBooleanWrapper hostAvailable = new ReadOnlyBooleanWrapper(this, "hostAvailable", false);
    private final ReadOnlyBooleanWrapper joinAvailable = new ReadOnlyBooleanWrapper(this, "joinAvailable", false);
    private final ReadOnlyStringWrapper unavailableHint =
            new ReadOnlyStringWrapper(this, "unavailableHint", "Coming soon");

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taglineProperty() {
        return tagline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hostAvailableProperty() {
        return hostAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty joinAvailableProperty() {
        return joinAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unavailableHintProperty() {
        return unavailableHint.getReadOnlyProperty();
    }
}
