package app.parley.server.api.v1;

import app.parley.server.files.ContentSniffer;
import app.parley.server.files.StoredFile;
import com.google.common.io.ByteStreams;
import com.google.common.net.PercentEscaper;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Serves a stored file: its sniffed content type, an ETag (the content hash, so it never goes
 * stale), one byte range for resuming, and headers that keep a browser from running anything
 * it contains. Only raster images are shown inline; everything else downloads.
 */
final class FileResponses {
    /** RFC 8187's attr-char: what may stay unescaped in {@code filename*}. */
    private static final PercentEscaper FILENAME_ESCAPER = new PercentEscaper("!#$&+-.^_`|~", false);

    private FileResponses() {}

    static MutableHttpResponse<?> serve(HttpRequest<?> request, Path path, StoredFile file) {
        String etag = "\"" + file.sha256() + "\"";
        MutableHttpResponse<?> response = notModified(request, etag)
                ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : body(request, path, file, etag);
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file));
    }

    private static MutableHttpResponse<?> body(HttpRequest<?> request, Path path, StoredFile file, String etag) {
        long size = file.sizeBytes();
        MediaType type = MediaType.of(file.contentType());
        String ifRange = request.getHeaders().get(HttpHeaders.IF_RANGE);
        RangeRequest range = request.getMethod() == HttpMethod.GET && (ifRange == null || ifRange.equals(etag))
                ? RangeRequest.of(request.getHeaders().get(HttpHeaders.RANGE), size)
                : new RangeRequest.Whole();
        return switch (range) {
            case RangeRequest.Whole whole ->
                HttpResponse.ok(new StreamedFile(open(path, 0), type, lastModified(file), size));
            case RangeRequest.Part part ->
                HttpResponse.status(HttpStatus.PARTIAL_CONTENT)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + size)
                        .body(new StreamedFile(
                                ByteStreams.limit(open(path, part.first()), part.length()),
                                type,
                                lastModified(file),
                                part.length()));
            case RangeRequest.Unsatisfiable unsatisfiable ->
                HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        };
    }

    private static boolean notModified(HttpRequest<?> request, String etag) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        return ifNoneMatch != null
                && Arrays.stream(ifNoneMatch.split(","))
                        .map(String::strip)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
    }

    /** {@code inline} for pictures, {@code attachment} otherwise; an ASCII name plus the exact UTF-8 one. */
    static String disposition(StoredFile file) {
        String kind = ContentSniffer.isInlineImage(file.contentType()) ? "inline" : "attachment";
        String name = file.originalName();
        String ascii = name.codePoints()
                .map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '%' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + FILENAME_ESCAPER.escape(name);
    }

    private static long lastModified(StoredFile file) {
        return file.createdAt().toEpochMilli();
    }

    private static InputStream open(Path path, long skip) {
        try {
            InputStream in = Files.newInputStream(path);
            try {
                in.skipNBytes(skip);
                return in;
            } catch (IOException e) {
                in.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a stored file", e);
        }
    }
}
