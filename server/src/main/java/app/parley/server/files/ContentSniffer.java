package app.parley.server.files;

import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Names the type of stored bytes from the bytes themselves (Apache Tika's magic numbers). The
 * client's file name may only refine a container format the bytes already show, such as a ZIP
 * that is a .docx; it never turns unknown bytes or plain text into an image or a page.
 */
@Singleton
public class ContentSniffer {
    /** Types a browser may show inline from Parley's origin: raster images only, never SVG or HTML. */
    private static final Set<String> INLINE_IMAGES =
            Set.of("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp");
    /** Formats whose exact kind only the name tells (Office documents, Java archives, EPUB are ZIPs or OLE files). */
    private static final Set<MediaType> CONTAINERS = Set.of(
            MediaType.application("zip"),
            MediaType.application("x-tika-ooxml"),
            MediaType.application("x-tika-msoffice"));

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    public String contentType(Path file, String clientName) {
        MediaType fromBytes = detect(file, null);
        if (CONTAINERS.contains(fromBytes) && clientName != null) {
            MediaType named = detect(file, clientName);
            if (registry.isSpecializationOf(named, fromBytes)) {
                return named.toString();
            }
        }
        return fromBytes.toString();
    }

    private MediaType detect(Path file, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return types.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an upload to find its type", e);
        }
    }

    public static boolean isInlineImage(String contentType) {
        return INLINE_IMAGES.contains(contentType);
    }
}
