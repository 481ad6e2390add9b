package app.parley.desktop.attachments;

import app.parley.model.file.Attachment;
import java.util.Locale;
import java.util.Set;
import org.kordamp.ikonli.feather.Feather;

/** What kind of file an attachment is, by the content type the server found in its bytes. */
final class FileKinds {
    private static final Set<String> ARCHIVES = Set.of(
            "application/zip",
            "application/x-7z-compressed",
            "application/x-rar-compressed",
            "application/vnd.rar",
            "application/x-tar",
            "application/gzip",
            "application/x-gzip",
            "application/x-bzip2",
            "application/x-xz");
    private static final Set<String> DOCUMENTS = Set.of(
            "application/pdf",
            "application/json",
            "application/xml",
            "application/rtf",
            "application/msword",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private FileKinds() {}

    /** Whether the app shows it as a picture: the server made a thumbnail of it. */
    static boolean isImage(Attachment attachment) {
        return attachment.thumbnailUrl() != null;
    }

    static Feather iconOf(String contentType) {
        String type = contentType == null
                ? ""
                : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.startsWith("audio/")) {
            return Feather.MUSIC;
        }
        if (type.startsWith("video/")) {
            return Feather.VIDEO;
        }
        if (type.startsWith("image/")) {
            return Feather.IMAGE;
        }
        if (ARCHIVES.contains(type)) {
            return Feather.ARCHIVE;
        }
        if (type.startsWith("text/") || DOCUMENTS.contains(type)) {
            return Feather.FILE_TEXT;
        }
        return Feather.FILE;
    }
}
