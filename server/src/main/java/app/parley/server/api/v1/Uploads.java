package app.parley.server.api.v1;

import app.parley.server.files.FileService;
import app.parley.server.files.PreparedFile;
import app.parley.server.files.Upload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Turns seed 002's optional multipart {@code photo} into a prepared photo, before any transaction. */
final class Uploads {
    private Uploads() {}

    static @Nullable PreparedFile photo(FileService files, @Nullable CompletedFileUpload file) {
        if (file == null || file.getSize() == 0) {
            return null;
        }
        try (InputStream content = file.getInputStream()) {
            return files.preparePhoto(new Upload(file.getFilename(), content), "photo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
