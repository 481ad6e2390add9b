package app.parley.server.files;

import app.parley.server.errors.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decides from the bytes themselves (never the client's word) whether a file is an image, and of which type. */
final class ImagePolicy {
    private ImagePolicy() {}

    static String requireImageContentType(Path file, String field) {
        try (ImageInputStream input = ImageIO.createImageInputStream(Files.newInputStream(file))) {
            var readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidInputException(field, field + " must be an image (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
            return switch (format) {
                case "png" -> "image/png";
                case "jpeg", "jpg" -> "image/jpeg";
                case "gif" -> "image/gif";
                case "bmp" -> "image/bmp";
                default -> throw new InvalidInputException(field, field + " must be an image (PNG, JPEG, GIF or BMP)");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
