package app.parley.desktop.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its own files, by the platform's convention: {@code $XDG_DATA_HOME/parley}
 * or {@code ~/.local/share/parley} on Linux, {@code %APPDATA%\Parley} on Windows,
 * {@code ~/Library/Application Support/Parley} on macOS. {@code PARLEY_DESKTOP_HOME} (or the
 * system property {@code parley.desktop.home}) puts it elsewhere, e.g. for a second profile.
 */
public record AppDirectories(Path home) {

    /** Resolves the folder from the process's environment, system properties and OS name. */
    public static AppDirectories forThisUser(Map<String, String> env, Map<String, String> properties) {
        String override = properties.getOrDefault("parley.desktop.home", env.get("PARLEY_DESKTOP_HOME"));
        if (override != null && !override.isBlank()) {
            return new AppDirectories(Path.of(override));
        }
        Path userHome = Path.of(properties.getOrDefault("user.home", "."));
        String os = properties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank()
                    ? userHome.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return new AppDirectories(base.resolve("Parley"));
        }
        if (os.startsWith("mac")) {
            return new AppDirectories(
                    userHome.resolve("Library").resolve("Application Support").resolve("Parley"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : userHome.resolve(".local").resolve("share");
        return new AppDirectories(base.resolve("parley"));
    }

    /** The remembered server and session (owner-only). */
    public Path sessionFile() {
        return home.resolve("session.json");
    }

    /** The signed-in person's messages not sent yet (owner-only, like the session). */
    public Path outboxFile() {
        return home.resolve("outbox.json");
    }

    /** The server certificates the person trusted, by server (owner-only). */
    public Path knownServersFile() {
        return home.resolve("known-servers.json");
    }

    /** The app's preferences (theme). */
    public Path settingsFile() {
        return home.resolve("settings.json");
    }

    /** Files the app may delete at any time: downloads opened with other programs, pasted images. */
    public Path cache() {
        return home.resolve("cache");
    }

    /** The data dir of the server the app hosts, when it hosts one. */
    public Path hostedServerData() {
        return home.resolve("server");
    }
}
