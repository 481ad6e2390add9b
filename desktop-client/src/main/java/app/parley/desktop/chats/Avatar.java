package app.parley.desktop.chats;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/** A round avatar with a person's or group's initials, its colour picked steadily from the id. */
public final class Avatar extends StackPane {
    private static final int PALETTE_SIZE = 8;

    private final Circle circle;
    private final Label initials = new Label();

    public Avatar(double size) {
        circle = new Circle(size / 2);
        getStyleClass().add("avatar");
        initials.getStyleClass().add("avatar-initials");
        getChildren().addAll(circle, initials);
        setMinSize(size, size);
        setMaxSize(size, size);
    }

    public void show(long id, String name) {
        initials.setText(initialsOf(name));
        for (int i = 0; i < PALETTE_SIZE; i++) {
            getStyleClass().remove("avatar-" + i);
        }
        getStyleClass().add("avatar-" + Math.floorMod(id, PALETTE_SIZE));
    }

    /** Up to two letters: the first of the first two words ("Anna Petrova" → "AP", "Борис" → "Б"). */
    static String initialsOf(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        StringBuilder letters = new StringBuilder();
        int count = 0;
        for (String word : name.strip().split("\\s+")) {
            int first = word.codePointAt(0);
            if (Character.isLetterOrDigit(first)) {
                letters.appendCodePoint(first);
                count++;
            }
            if (count == 2) {
                break;
            }
        }
        if (count == 0) {
            letters.appendCodePoint(name.strip().codePointAt(0)); // an emoji-only name shows its emoji
        }
        return letters.toString().toUpperCase(Locale.ROOT);
    }
}
