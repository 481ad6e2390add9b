package app.parley.server.api.v1;

import app.parley.server.files.FileService;
import app.parley.server.files.StoredFile;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.SystemFile;

/** Streams a stored file with its sniffed content type; content-addressed files never change. */
final class FileResponses {
    private FileResponses() {}

    static HttpResponse<SystemFile> inline(FileService files, StoredFile file) {
        SystemFile body = new SystemFile(files.pathOf(file).toFile(), MediaType.of(file.contentType()));
        return HttpResponse.ok(body)
                .header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400");
    }
}
