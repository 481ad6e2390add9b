package app.parley.server.api.v1;

import app.parley.server.files.Upload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Hands an optional multipart file to a service call as an {@link Upload}, closing it afterwards. */
final class Uploads {
    private Uploads() {}

    static <T> T with(@Nullable CompletedFileUpload file, Function<Upload, T> action) {
        if (file == null || file.getSize() == 0) {
            return action.apply(null);
        }
        try (InputStream content = file.getInputStream()) {
            return action.apply(new Upload(file.getFilename(), content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
