package app.parley.desktop.chats;

import app.parley.model.presence.PresenceStatus;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * A round avatar: the person's or group's photo when there is one, else their initials on a
 * colour picked steadily from the id.
 */
public final class Avatar extends StackPane {
    private static final int PALETTE_SIZE = 8;

    private final Circle circle;
    private final Label initials = new Label();
    private final ImageView photo = new ImageView();
    /** A person's presence: green online, amber away, nothing offline. */
    private final Circle presence;

    private String expectedPhoto;

    public Avatar(double size) {
        circle = new Circle(size / 2);
        getStyleClass().add("avatar");
        initials.getStyleClass().add("avatar-initials");
        // Initials grow with the circle: a profile's big avatar must not show tiny letters.
        initials.setStyle("-fx-font-size: " + Math.max(11, Math.round(size * 0.36)) + "px;");
        photo.setFitWidth(size);
        photo.setFitHeight(size);
        photo.setPreserveRatio(false);
        photo.setSmooth(true);
        photo.setClip(new Circle(size / 2, size / 2, size / 2));
        photo.setVisible(false);
        presence = new Circle(Math.max(4, Math.round(size * 0.14)));
        presence.getStyleClass().add("presence-dot");
        presence.setManaged(false);
        presence.setVisible(false);
        getChildren().addAll(circle, initials, photo, presence);
        setMinSize(size, size);
        setMaxSize(size, size);
    }

    /**
     * Initials now, and the photo at {@code photoUrl} as soon as it is loaded, if there is one
     * (a reused list cell may meanwhile show someone else: a late photo is then dropped).
     */
    public void show(long id, String name, String photoUrl, AvatarPhotos photos) {
        show(id, name);
        if (photoUrl == null || photos == null) {
            return;
        }
        expectedPhoto = photoUrl;
        photos.load(photoUrl, image -> {
            if (photoUrl.equals(expectedPhoto)) {
                showPhoto(image);
            }
        });
    }

    /** The dot at the bottom right: online, away, or none (offline or not known). */
    public void showPresence(PresenceStatus status) {
        presence.getStyleClass().removeAll("online", "away");
        boolean shown = status == PresenceStatus.ONLINE || status == PresenceStatus.AWAY;
        if (shown) {
            presence.getStyleClass().add(status.wireName());
        }
        presence.setVisible(shown);
    }

    /**
     * The largest square in the middle of a picture: a photo that is not square fills the
     * circle as messengers crop it, instead of being squeezed into an oval.
     */
    static Rectangle2D centreSquare(Image image) {
        double side = Math.min(image.getWidth(), image.getHeight());
        return new Rectangle2D((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // On the circle's edge, at the bottom right, as messengers place it.
        double radius = circle.getRadius();
        double offset = radius + radius * Math.cos(Math.PI / 4) - presence.getRadius() * 0.35;
        presence.setCenterX(snapPositionX(offset));
        presence.setCenterY(snapPositionY(offset));
    }

    /** Shows a picture (one just chosen, before it is uploaded) instead of the initials. */
    public void showPhoto(Image image) {
        if (image != null) {
            if (image.getWidth() > 0) {
                photo.setViewport(centreSquare(image));
            } else {
                // Still loading: squared once its size is known.
                image.widthProperty().subscribe(width -> {
                    if (width.doubleValue() > 0 && photo.getImage() == image) {
                        photo.setViewport(centreSquare(image));
                    }
                });
            }
        }
        photo.setImage(image);
        photo.setVisible(image != null);
        initials.setVisible(image == null);
    }

    public void show(long id, String name) {
        expectedPhoto = null;
        showPhoto(null);
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
