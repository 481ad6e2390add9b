package app.parley.desktop.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
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
        Application.setUserAgentStylesheet(withParleyDefaults(
                useDark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
    }

    /**
     * The theme, and after it what Parley changes for every window ({@code defaults.css}): dialogs
     * have scenes of their own, without the main window's stylesheet.
     */
    private static String withParleyDefaults(String theme) {
        URL themeUrl = Objects.requireNonNull(Themes.class.getResource(theme), theme);
        URL defaults = Objects.requireNonNull(Themes.class.getResource("defaults.css"), "defaults.css");
        String css = "@import url(\"" + themeUrl.toExternalForm() + "\");\n" + "@import url(\""
                + defaults.toExternalForm() + "\");\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
