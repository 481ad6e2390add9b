package app.parley.desktop.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.testfx.api.FxToolkit;

/**
 * The real app, started headless by TestFX on the primary stage with its own folder (so tests
 * never touch the user's session) and any free port for hosting; stopped as the window's
 * closing would stop it.
 */
public final class RunningApp implements AutoCloseable {
    private final Application app;

    private RunningApp(Application app) {
        this.app = app;
    }

    public static RunningApp start(Path home, AppFactory factory) throws TimeoutException {
        return start(home, factory, "en");
    }

    /** The app in another language ("ru"), to see that its texts fit. */
    public static RunningApp start(Path home, AppFactory factory, String locale) throws TimeoutException {
        return start(home, factory, locale, Map.of());
    }

    /** The app with more settings ({@code parley.desktop.*} properties). */
    public static RunningApp start(Path home, AppFactory factory, String locale, Map<String, String> more)
            throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Map<String, String> properties = new java.util.HashMap<>(more);
        properties.putAll(Map.of(
                "parley.desktop.home",
                home.toString(),
                "parley.desktop.host-port",
                "0",
                "parley.desktop.locale",
                locale,
                "user.home",
                home.toString(),
                "os.name",
                "Linux"));
        return new RunningApp(FxToolkit.setupApplication(() -> factory.create(Map.of(), properties)));
    }

    /**
     * The app as README's command starts it, its language left to the environment: only the
     * app folder is set, and {@code environment} is the process's as the app sees it.
     */
    public static RunningApp startWithEnvironment(Path home, AppFactory factory, Map<String, String> environment)
            throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Map<String, String> properties = Map.of(
                "parley.desktop.home",
                home.toString(),
                "parley.desktop.host-port",
                "0",
                "user.home",
                home.toString(),
                "os.name",
                "Linux");
        return new RunningApp(FxToolkit.setupApplication(() -> factory.create(environment, properties)));
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Makes the app; the app's constructor is package-private, so the test in its package passes it in. */
    @FunctionalInterface
    public interface AppFactory {
        Application create(Map<String, String> environment, Map<String, String> properties);
    }
}
