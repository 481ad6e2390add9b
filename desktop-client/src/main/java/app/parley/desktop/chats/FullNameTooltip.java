package app.parley.desktop.chats;

import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/** A name cut short with "…" (a long chat or person name in a narrow place) shows whole on hover. */
public final class FullNameTooltip {
    private FullNameTooltip() {}

    /** Gives {@code label} a tooltip with its whole text while, and only while, the text is cut short. */
    public static void install(Labeled label) {
        var whole = new Tooltip();
        whole.textProperty().bind(label.textProperty());
        label.textTruncatedProperty().subscribe(truncated -> label.setTooltip(truncated ? whole : null));
    }
}
