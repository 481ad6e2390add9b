package app.parley.desktop.app;

import app.parley.desktop.welcome.WelcomeView;
import app.parley.desktop.welcome.WelcomeViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root: builds the object graph by hand and shows the first screen.
 *
 * <p>Every collaborator is created here and passed in through constructors, so screens never
 * reach for globals and tests can build any part of the graph on its own.
 */
public final class ParleyDesktopApp extends Application {

    static final String WINDOW_TITLE = "Parley";
    private static final double INITIAL_WIDTH = 720;
    private static final double INITIAL_HEIGHT = 480;

    @Override
    public void start(Stage stage) {
        var welcomeView = new WelcomeView(new WelcomeViewModel());

        stage.setTitle(WINDOW_TITLE);
        stage.setScene(new Scene(welcomeView.root(), INITIAL_WIDTH, INITIAL_HEIGHT));
        stage.show();
    }
}
