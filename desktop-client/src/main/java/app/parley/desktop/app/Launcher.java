package app.parley.desktop.app;

import javafx.application.Application;

/**
 * Entry point for a plain classpath launch.
 *
 * <p>The JDK refuses to start a main class that extends {@link Application} when JavaFX is on
 * the classpath rather than the module path ("JavaFX runtime components are missing"); a main
 * class that does not extend it has no such check.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        ClassDataArchive.ofThisJvm().ifPresent(ClassDataArchive::prepareFolder);
        Application.launch(ParleyDesktopApp.class, args);
        // The window is closed and the app has stopped what it started; a library thread that is
        // not a daemon (a network browser still closing) must not keep the process alive.
        System.exit(0);
    }
}
