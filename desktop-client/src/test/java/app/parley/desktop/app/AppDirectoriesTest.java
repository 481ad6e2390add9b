package app.parley.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    @Test
    void linuxUsesXdgDataHome() {
        var dirs = AppDirectories.forThisUser(
                Map.of("XDG_DATA_HOME", "/data/anna"), Map.of("os.name", "Linux", "user.home", "/home/anna"));
        assertEquals(Path.of("/data/anna/parley"), dirs.home());
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetOrRelative() {
        var linux = Map.of("os.name", "Linux", "user.home", "/home/anna");
        assertEquals(
                Path.of("/home/anna/.local/share/parley"),
                AppDirectories.forThisUser(Map.of(), linux).home());
        assertEquals(
                Path.of("/home/anna/.local/share/parley"),
                AppDirectories.forThisUser(Map.of("XDG_DATA_HOME", "relative/dir"), linux)
                        .home());
    }

    @Test
    void windowsUsesAppData() {
        var dirs = AppDirectories.forThisUser(
                Map.of("APPDATA", "C:\\Users\\anna\\AppData\\Roaming"),
                Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\anna"));
        assertEquals(Path.of("C:\\Users\\anna\\AppData\\Roaming").resolve("Parley"), dirs.home());
    }

    @Test
    void macUsesApplicationSupport() {
        var dirs = AppDirectories.forThisUser(Map.of(), Map.of("os.name", "Mac OS X", "user.home", "/Users/anna"));
        assertEquals(Path.of("/Users/anna/Library/Application Support/Parley"), dirs.home());
    }

    @Test
    void anExplicitHomeWins() {
        var dirs = AppDirectories.forThisUser(
                Map.of("PARLEY_DESKTOP_HOME", "/tmp/from-env"),
                Map.of("os.name", "Linux", "user.home", "/home/anna", "parley.desktop.home", "/tmp/from-property"));
        assertEquals(Path.of("/tmp/from-property"), dirs.home());
        assertEquals(
                Path.of("/tmp/from-env"),
                AppDirectories.forThisUser(Map.of("PARLEY_DESKTOP_HOME", "/tmp/from-env"), Map.of("os.name", "Linux"))
                        .home());
    }
}
