package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

class OptionalPartsTest {
    private final Region day = new Region();
    private final Region author = new Region();
    private final Region text = new Region();
    private final Region time = new Region();
    private final VBox pane = new VBox(day, author, text, time);
    private final OptionalParts parts = new OptionalParts(pane);

    @Test
    void partsShownAgainTakeTheirOwnPlaceWhateverElseIsShown() {
        parts.show(day, false);
        parts.show(author, false);
        parts.show(time, false);
        assertEquals(List.of(text), pane.getChildren());

        parts.show(time, true);
        parts.show(day, true);
        assertEquals(List.of(day, text, time), pane.getChildren());

        parts.show(author, true);
        parts.show(author, true);
        assertEquals(List.of(day, author, text, time), pane.getChildren(), "shown twice, there once");
    }

    @Test
    void aNodeThatIsNotOneOfThePartsIsRefused() {
        parts.show(day, false);
        assertThrows(IllegalArgumentException.class, () -> parts.show(new Region(), true));
        assertEquals(List.of(author, text, time), pane.getChildren(), "nothing changed");
    }
}
