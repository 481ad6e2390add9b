package app.parley.desktop.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.notifications.Notice;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Where there is no tray (here: headless, as on a server or in CI) the app carries on as if it had none. */
class TraysTest {

    @Test
    void aHeadlessSystemGetsNoTrayAndAWTIsNotStartedForIt() {
        assertTrue(GraphicsEnvironment.isHeadless(), "the tests run headless");
        boolean awtRunningBefore = awtEventThreadRunning();
        List<Long> opened = new ArrayList<>();

        Tray tray = Trays.forThisSystem(Messages.forLocale(Locale.ENGLISH), Runnable::run, opened::add, () -> {});
        tray.showUnread(3);
        tray.notify(new Notice(20, 100, "Boris", "Lunch?", false));
        tray.close();

        assertSame(Tray.none(), tray);
        assertEquals(List.of(), opened);
        if (!awtRunningBefore) {
            assertFalse(awtEventThreadRunning(), "no AWT event thread was started");
        }
    }

    @Test
    void theIconIsThereInEverySizeTheWindowMayPick() throws Exception {
        List<String> urls = Trays.iconUrls();

        assertTrue(urls.stream().anyMatch(url -> url.endsWith("-16.png")), urls.toString());
        assertTrue(urls.stream().anyMatch(url -> url.endsWith("-256.png")), urls.toString());
        for (String url : urls) {
            assertTrue(url.endsWith(".png"), url);
            try (var icon = URI.create(url).toURL().openStream()) {
                assertTrue(icon.readAllBytes().length > 100, url);
            }
        }
    }

    private static boolean awtEventThreadRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("AWT-EventQueue"));
    }
}
