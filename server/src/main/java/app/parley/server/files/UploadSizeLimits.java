package app.parley.server.files;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Lets requests up to twice the biggest allowed upload through the HTTP layer, so that one
 * setting ({@code parley.files.max-file-size}) governs uploads and Parley answers an oversized
 * file with its own clear 413, after reading the rest of the body so that clients which send
 * everything before reading get the answer. Bodies that are buffered in memory (JSON, form
 * fields) stay bounded by {@code micronaut.server.max-request-buffer-size}.
 */
@Singleton
class UploadSizeLimits implements BeanCreatedEventListener<HttpServerConfiguration> {
    /** Multipart boundaries and part headers around the file. */
    private static final long ENVELOPE = 1024 * 1024;

    private final FileSettings settings;

    UploadSizeLimits(FileSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        long largest = 2 * Math.max(settings.maxFileSize(), settings.maxPhotoSize()) + ENVELOPE;
        server.setMaxRequestSize(Math.max(server.getMaxRequestSize(), largest));
        server.getMultipart().setMaxFileSize(Math.max(server.getMultipart().getMaxFileSize(), largest));
        return server;
    }
}
