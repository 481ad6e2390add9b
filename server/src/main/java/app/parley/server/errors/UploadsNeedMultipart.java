package app.parley.server.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteMatch;
import java.util.List;

/**
 * An upload route takes {@code multipart/form-data} only. A request without that Content-Type is
 * answered {@code 415} here, before its body is bound: the framework's multipart binding fails
 * on it with an internal error instead (found by the API fuzz run).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class UploadsNeedMultipart {
    private final ErrorDialects errors;

    UploadsNeedMultipart(ErrorDialects errors) {
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseOtherBodies(HttpRequest<?> request) {
        if (!(BasicHttpAttributes.getRouteMatchInfo(request).orElse(null) instanceof RouteMatch<?> route)) {
            return null;
        }
        List<MediaType> consumes = route.getRouteInfo().getConsumes();
        if (!consumes.equals(List.of(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        boolean multipart = request.getContentType()
                .map(type -> type.getName().equalsIgnoreCase(MediaType.MULTIPART_FORM_DATA))
                .orElse(false);
        return multipart
                ? null
                : errors.response(
                        request.getPath(),
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_media_type",
                        "this call takes a multipart/form-data body (Content-Type: multipart/form-data; boundary=…)",
                        null);
    }
}
