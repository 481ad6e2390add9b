package app.parley.server.files;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Reads image headers and makes scaled copies (thumbnails, bounded photos) with Thumbnailator.
 * Only formats the JDK decodes are handled; images over the pixel limit are never decoded, and
 * at most two are decoded at once, so a few huge pictures cannot exhaust the heap.
 */
@Singleton
public class ImageTool {
    private final FileSettings settings;
    private final Semaphore decoding = new Semaphore(2);

    public ImageTool(FileSettings settings) {
        this.settings = settings;
    }

    /** An image's format and size as its header states them. */
    public record ImageInfo(String contentType, int width, int height) {
        long pixels() {
            return (long) width * height;
        }

        boolean keepsTransparency() {
            return !contentType.equals("image/jpeg") && !contentType.equals("image/bmp");
        }
    }

    /** A scaled copy, encoded. */
    public record Scaled(byte[] bytes, String contentType, int width, int height) {}

    /** The header of a PNG, JPEG, GIF or BMP image that makes sense; empty for anything else. */
    public Optional<ImageInfo> inspect(Path file) {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                String contentType = switch (reader.getFormatName().toLowerCase(Locale.ROOT)) {
                    case "png" -> "image/png";
                    case "jpeg", "jpg" -> "image/jpeg";
                    case "gif" -> "image/gif";
                    case "bmp" -> "image/bmp";
                    default -> null;
                };
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return contentType == null || width < 1 || height < 1
                        ? Optional.empty()
                        : Optional.of(new ImageInfo(contentType, width, height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the image is small enough to decode. */
    public boolean decodable(ImageInfo image) {
        return image.pixels() <= settings.imageMaxPixels();
    }

    /**
     * A copy that fits {@code maxDimension} a side (never enlarged), as PNG when the source may be
     * transparent and JPEG otherwise. Re-encoding also drops the original's metadata (camera, GPS).
     */
    public Scaled scaleToFit(Path file, ImageInfo image, int maxDimension) throws IOException {
        if (!decodable(image)) {
            throw new IOException("image too large to decode: " + image.width() + "x" + image.height());
        }
        String format = image.keepsTransparency() ? "png" : "jpg";
        decoding.acquireUninterruptibly();
        try {
            var builder = Thumbnails.of(file.toFile());
            if (Math.max(image.width(), image.height()) > maxDimension) {
                builder.size(maxDimension, maxDimension);
            } else {
                builder.scale(1.0);
            }
            var scaled = builder.asBufferedImage();
            var out = new ByteArrayOutputStream();
            Thumbnails.of(scaled)
                    .scale(1.0)
                    .outputFormat(format)
                    .outputQuality(0.85)
                    .toOutputStream(out);
            return new Scaled(
                    out.toByteArray(),
                    format.equals("png") ? "image/png" : "image/jpeg",
                    scaled.getWidth(),
                    scaled.getHeight());
        } finally {
            decoding.release();
        }
    }
}
