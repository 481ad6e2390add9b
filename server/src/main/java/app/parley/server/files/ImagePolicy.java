package app.parley.server.files;

import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.ParleyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decides from the bytes themselves (never the client's word) whether a file is an image, and of which type. */
final class ImagePolicy {
    private ImagePolicy() {}

    static String requireImageContentType(Path file, String field) {
        // From the File, not an InputStream: closing an ImageInputStream does not close a stream it wraps.
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw notAnImage(field);
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                String contentType = switch (format) {
                    case "png" -> "image/png";
                    case "jpeg", "jpg" -> "image/jpeg";
                    case "gif" -> "image/gif";
                    case "bmp" -> "image/bmp";
                    default -> throw notAnImage(field);
                };
                // A matching signature is only a few bytes; the image's own header must make sense too.
                reader.setInput(input, true, true);
                if (reader.getWidth(0) < 1 || reader.getHeight(0) < 1) {
                    throw notAnImage(field);
                }
                return contentType;
            } catch (IOException | RuntimeException e) {
                if (e instanceof ParleyException refusal) {
                    throw refusal;
                }
                throw notAnImage(field);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidInputException notAnImage(String field) {
        return new InvalidInputException(field, field + " must be an image (PNG, JPEG, GIF or BMP)");
    }
}
