package app.parley.desktop.conversation;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The part of a message's text selected with the mouse: one at a time in a conversation, as in a
 * browser. It belongs to the message, not to the list cell showing it (cells are reused while
 * the list scrolls), and is what Ctrl+C and the menu's Copy copy. Used on the FX thread.
 */
final class TextSelection {
    /** {@code start} and {@code end} count characters of the message's laid-out text (a link counts as one). */
    record Range(String messageKey, int start, int end, String text) {}

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range");

    ObjectProperty<Range> rangeProperty() {
        return range;
    }

    void select(String messageKey, int start, int end, String text) {
        range.set(start == end ? null : new Range(messageKey, start, end, text));
    }

    void clear() {
        range.set(null);
    }

    /** The selected text, when something is selected. */
    Optional<String> text() {
        return Optional.ofNullable(range.get()).map(Range::text).filter(text -> !text.isEmpty());
    }

    /** The selected text, when it is in this message. */
    Optional<String> textIn(String messageKey) {
        return Optional.ofNullable(range.get())
                .filter(now -> now.messageKey().equals(messageKey))
                .map(Range::text)
                .filter(text -> !text.isEmpty());
    }
}
