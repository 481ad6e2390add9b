package app.parley.desktop.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a scene shows as a PNG in {@code target/screenshots}, so that a person can look at
 * the screens a test went through (the headless renderer draws them as a display would).
 */
public final class Snapshots {
    private static final Path FOLDER = Path.of("target", "screenshots");

    private Snapshots() {}

    public static Path save(Scene scene, String name) {
        return save(scene, FOLDER, name);
    }

    /** Saves into another folder (the screenshot tour writes docs/screenshots). */
    public static Path save(Scene scene, Path folder, String name) {
        try {
            WritableImage image =
                    WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            Path file = folder.resolve(name + ".png");
            Files.createDirectories(folder);
            ImageIO.write(toBufferedImage(image), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot take a snapshot of " + name, e);
        }
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return buffered;
    }
}
