package app.parley.desktop.app;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A read-only field with a button beside it that copies its value (a link, an address, a fingerprint). */
public final class CopyRow {
    private CopyRow() {}

    /**
     * @param value    what the button copies: the field's text, or that text as it is meant to be
     *                 pasted (a fingerprint without the line break it is shown with)
     * @param buttonId the button's id
     * @param what     the button's accessible text and tooltip
     */
    public static HBox of(TextInputControl field, Supplier<String> value, String buttonId, String what) {
        var copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId(buttonId);
        copy.getStyleClass().add(Styles.BUTTON_ICON);
        copy.setAccessibleText(what);
        copy.setTooltip(new Tooltip(what));
        var copied = new PauseTransition(Duration.seconds(1.5));
        copied.setOnFinished(event -> ((FontIcon) copy.getGraphic()).setIconCode(Feather.COPY));
        copy.setOnAction(event -> {
            var content = new ClipboardContent();
            content.putString(value.get());
            Clipboard.getSystemClipboard().setContent(content);
            // A tick for a moment says it worked: nothing else on screen changes on a copy.
            ((FontIcon) copy.getGraphic()).setIconCode(Feather.CHECK);
            copied.playFromStart();
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        var row = new HBox(6, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
