package app.parley.desktop.app;

import java.util.Map;
import javafx.application.Application;

/** Lets tests in other packages start the app with their own folder and settings. */
public final class AppAccess {
    private AppAccess() {}

    public static Application create(Map<String, String> environment, Map<String, String> properties) {
        return new ParleyDesktopApp(environment, properties);
    }
}
