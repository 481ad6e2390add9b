package app.parley.desktop.support;

import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ScrollEvent;

/**
 * The event a mouse wheel sends, fired at a node's middle: the headless robot has no wheel, and
 * the conversation tells a reader's own scrolling from its own by such input. Call on the FX thread.
 */
public final class Wheel {
    private Wheel() {}

    /** Turns the wheel over {@code target} by {@code pixels} (positive: towards older messages). */
    public static void turn(Node target, double pixels) {
        Point2D middle = new Point2D(
                target.getLayoutBounds().getWidth() / 2,
                target.getLayoutBounds().getHeight() / 2);
        Point2D onScreen = target.localToScreen(middle);
        Event.fireEvent(
                target,
                new ScrollEvent(
                        ScrollEvent.SCROLL,
                        middle.getX(),
                        middle.getY(),
                        onScreen.getX(),
                        onScreen.getY(),
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        0,
                        pixels,
                        0,
                        pixels,
                        ScrollEvent.HorizontalTextScrollUnits.NONE,
                        0,
                        ScrollEvent.VerticalTextScrollUnits.NONE,
                        0,
                        0,
                        null));
    }
}
