package app.parley.desktop.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Whether the person is at the app: after {@code idleAfter} without a key, a click, a scroll or a
 * mouse move in its window they are away, and the first input brings them back. JavaFX cannot see
 * input in other applications, so someone working elsewhere for that long counts as away here too.
 * Reports each change (true: away) on the FX thread.
 */
public final class IdleWatch {
    private final Scene scene;
    private final Clock clock;
    private final Duration idleAfter;
    private final Consumer<Boolean> report;
    private final Timeline checking;
    private final EventHandler<InputEvent> input = this::input;
    private Instant lastInput;
    private boolean away;

    public IdleWatch(Scene scene, Clock clock, Duration idleAfter, Consumer<Boolean> report) {
        this.scene = scene;
        this.clock = clock;
        this.idleAfter = idleAfter;
        this.report = report;
        this.lastInput = clock.instant();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, input);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        scene.addEventFilter(ScrollEvent.SCROLL, input);
        // Checked often enough to be at most a tenth late, however short the setting.
        long every = Math.max(200, Math.min(15_000, idleAfter.toMillis() / 10));
        this.checking = new Timeline(new KeyFrame(javafx.util.Duration.millis(every), event -> check()));
        checking.setCycleCount(Animation.INDEFINITE);
        checking.play();
    }

    /** Whether the person is away now. */
    public boolean isAway() {
        return away;
    }

    private void input(Event event) {
        lastInput = clock.instant();
        if (away) {
            away = false;
            report.accept(false);
        }
    }

    private void check() {
        if (!away && !clock.instant().isBefore(lastInput.plus(idleAfter))) {
            away = true;
            report.accept(true);
        }
    }

    /** Stops watching (the person signed out or the app closes). */
    public void close() {
        checking.stop();
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, input);
        scene.removeEventFilter(MouseEvent.MOUSE_MOVED, input);
        scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, input);
        scene.removeEventFilter(ScrollEvent.SCROLL, input);
    }
}
