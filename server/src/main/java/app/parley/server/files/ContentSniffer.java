package app.parley.server.files;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * Names the type of stored bytes from the bytes themselves (Apache Tika's magic numbers). The
 * client's file name only refines a type the bytes already show, such as a ZIP that is a .docx;
 * it never turns bytes into an image or a page.
 */
@Singleton
public class ContentSniffer {
    /** Types a browser may show inline from Parley's origin: raster images only, never SVG or HTML. */
    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp");

    private final Tika tika = new Tika();

    public String contentType(Path file, String clientName) {
        try (InputStream in = Files.newInputStream(file)) {
            return tika.detect(in, clientName);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an upload to find its type", e);
        }
    }

    public static boolean isInlineImage(String contentType) {
        return INLINE_IMAGES.contains(contentType);
    }
}
