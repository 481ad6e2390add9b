package app.parley.desktop.tray;

import app.parley.desktop.i18n.Messages;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/** Finds the system tray, if there is one, without starting AWT where there surely is none. */
public final class Trays {
    private Trays() {}

    /** Parley's icon in the sizes a window or task bar picks from. */
    public static List<String> iconUrls() {
        // Rendered from installer/src/icon/parley.svg, like the installers' icons.
        return List.of(16, 24, 32, 48, 64, 128, 256).stream()
                .map(size -> "/app/parley/desktop/app/icons/parley-" + size + ".png")
                .map(name -> Objects.requireNonNull(Trays.class.getResource(name), name)
                        .toExternalForm())
                .toList();
    }

    /**
     * The tray for this system: {@link Tray#none()} when headless (reading a property does not
     * start AWT), else one that joins the tray on AWT's thread if the desktop has one.
     *
     * @param open brings the window to the front on a chat (0: as it was), called on {@code fxThread}
     * @param quit closes the window as its close button would, called on {@code fxThread}
     */
    public static Tray forThisSystem(Messages text, Executor fxThread, LongConsumer open, Runnable quit) {
        if (GraphicsEnvironment.isHeadless()) {
            return Tray.none();
        }
        return AwtTray.install(text, fxThread, open, quit);
    }
}
