package app.parley.desktop.app;

import app.parley.desktop.theme.ThemeChoice;

/** The app's preferences, kept in {@code settings.json}. */
public record Settings(ThemeChoice theme) {
    public static Settings defaults() {
        return new Settings(ThemeChoice.SYSTEM);
    }

    public Settings withTheme(ThemeChoice chosen) {
        return new Settings(chosen);
    }
}
