package app.parley.desktop.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Applies AtlantaFX's Primer light or dark theme. With {@link ThemeChoice#SYSTEM} it follows the
 * colour scheme JavaFX reports for the OS, live. The user-agent stylesheet is one per JavaFX
 * runtime, so only the composition root creates this.
 */
public final class Themes {
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(this, "choice", ThemeChoice.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark", false);

    public Themes(ThemeChoice initial) {
        choice.set(initial);
        choice.subscribe(this::apply);
        Platform.getPreferences().colorSchemeProperty().subscribe(scheme -> apply());
    }

    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** Whether the dark theme is showing now. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void apply() {
        boolean useDark = switch (choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        dark.set(useDark);
        Application.setUserAgentStylesheet(
                useDark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
