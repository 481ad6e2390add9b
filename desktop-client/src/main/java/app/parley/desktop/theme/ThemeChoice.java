package app.parley.desktop.theme;

/** Which look the person chose: the operating system's light or dark scheme, or one of them always. */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK
}
