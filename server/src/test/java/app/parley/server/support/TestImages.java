package app.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real image files made on the spot, so uploads carry bytes any image reader accepts. */
public final class TestImages {
    private TestImages() {}

    /** A small PNG whose pixels depend on {@code seed}: different seeds give different bytes. */
    public static byte[] png(int seed) {
        return image(8, 6, seed, "png");
    }

    /** An image of the given size and format ({@code png} or {@code jpeg}). */
    public static byte[] image(int width, int height, int seed, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(
                        x,
                        y,
                        new Color((x * 31 + seed) & 0xFF, (y * 47 + seed * 3) & 0xFF, (seed * 7) & 0xFF).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes image bytes; fails the test if they are not an image. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(image, "not an image the JDK can read");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Same picture, pixel for pixel. Photos are re-encoded on upload (which drops metadata), so
     * the bytes differ while a lossless picture's pixels do not.
     */
    public static void assertSamePixels(byte[] expected, byte[] actual) {
        BufferedImage want = decode(expected);
        BufferedImage got = decode(actual);
        assertEquals(want.getWidth(), got.getWidth(), "width");
        assertEquals(want.getHeight(), got.getHeight(), "height");
        assertArrayEquals(
                want.getRGB(0, 0, want.getWidth(), want.getHeight(), null, 0, want.getWidth()),
                got.getRGB(0, 0, got.getWidth(), got.getHeight(), null, 0, got.getWidth()));
    }
}
