package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.parley.desktop.support.Ui;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A photo that is not square fills the avatar's circle cropped to its middle, not squeezed. */
@Tag("gui")
class AvatarTest {
    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aWidePhotoShowsItsMiddleSquareAndATallOneToo() throws Exception {
        assertEquals(new Rectangle2D(150, 0, 600, 600), shownPart(new WritableImage(900, 600)));
        assertEquals(new Rectangle2D(0, 100, 300, 300), shownPart(new WritableImage(300, 500)));
        assertEquals(new Rectangle2D(0, 0, 64, 64), shownPart(new WritableImage(64, 64)));
    }

    private static Rectangle2D shownPart(WritableImage image) throws Exception {
        return Ui.onFx(() -> {
            var avatar = new Avatar(48);
            avatar.showPhoto(image);
            return avatar.getChildrenUnmodifiable().stream()
                    .filter(ImageView.class::isInstance)
                    .map(node -> ((ImageView) node).getViewport())
                    .findFirst()
                    .orElseThrow();
        });
    }
}
