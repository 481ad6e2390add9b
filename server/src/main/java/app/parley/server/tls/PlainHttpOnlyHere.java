package app.parley.server.tls;

import app.parley.server.errors.ErrorDialects;
import app.parley.server.ratelimits.ClientAddress;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * With HTTPS on and {@code plain-http: local-only}, a plain HTTP request from another machine
 * (where passwords and tokens would cross the network in clear) is refused with {@code 403
 * https_required} before anything else happens; this machine keeps plain HTTP.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "parley.tls.enabled", value = "true")
final class PlainHttpOnlyHere {
    private final TlsSettings settings;
    private final ErrorDialects errors;

    PlainHttpOnlyHere(TlsSettings settings, ErrorDialects errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseClearTextFromElsewhere(HttpRequest<?> request) {
        if (settings.plainHttp() == TlsSettings.PlainHttp.EVERYWHERE
                || request.isSecure()
                || ClientAddress.of(request).loopback()) {
            return null;
        }
        return errors.response(
                request.getPath(),
                HttpStatus.FORBIDDEN,
                "https_required",
                "this server takes plain HTTP from its own machine only: use https:// on port " + settings.port(),
                null);
    }
}
