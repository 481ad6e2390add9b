package app.parley.desktop.attachments;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/**
 * An image pasted from the clipboard, as a PNG file in the app's cache, so that it is sent like
 * any chosen file. Its pixels are read on the FX thread, the PNG written on a worker.
 */
final class ClipboardImages {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");

    private final Path folder;

    ClipboardImages(Path folder) {
        this.folder = folder;
    }

    /** The image's pixels, read now (on the FX thread). */
    static Pixels read(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new Pixels(width, height, argb);
    }

    /** Writes the pixels as "{@code name} <date time>.png" (on a worker). */
    Path write(Pixels pixels, String name, LocalDateTime at) {
        var buffered = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
        try {
            Path dir = Files.createDirectories(folder.resolve(Long.toString(System.nanoTime())));
            Path file = dir.resolve(name + " " + at.format(STAMP) + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the pasted image in " + folder, e);
        }
    }

    record Pixels(int width, int height, int[] argb) {}
}
