package app.parley.server.api.v1;

import app.parley.server.errors.ErrorDialects;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's streaming-upload binder fails with a ClassCastException when the {@code file}
 * part is a plain form field (no filename) rather than a file. On the upload route that is the
 * client's mistake, answered as one; anywhere else it is a fault of the server.
 */
@Produces
@Singleton
class UploadPartErrors implements ExceptionHandler<ClassCastException, HttpResponse<Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadPartErrors.class);
    private static final Pattern UPLOAD = Pattern.compile("/api/v1/chats/[^/]+/files/?");
    private final ErrorDialects errors;

    UploadPartErrors(ErrorDialects errors) {
        this.errors = errors;
    }

    // ExceptionHandler.handle declares a raw HttpRequest: an override cannot add the type argument.
    @SuppressWarnings("rawtypes")
    @Override
    public HttpResponse<Object> handle(HttpRequest request, ClassCastException exception) {
        if (UPLOAD.matcher(request.getPath()).matches()
                && String.valueOf(exception.getMessage()).contains("FileUpload")) {
            return errors.response(
                    request.getPath(),
                    HttpStatus.BAD_REQUEST,
                    "invalid_input",
                    "the 'file' part must be a file (a part with a filename), not a plain form field",
                    "file");
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
        return errors.response(
                request.getPath(), HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal server error", null);
    }
}
