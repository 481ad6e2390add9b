package app.parley.server.errors;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.multipart.FileUpload;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Gives the errors that the framework itself raises (malformed JSON, wrong types, unknown
 * routes, oversized bodies, missing or bad tokens) the same shape as Parley's own. A 401 says
 * why: no token ({@code unauthorized}), or the {@link TokenRefusal} recorded for the token sent
 * (with seed 002's one exception, {@link #isOwnProfileRead}).
 */
@Primary
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class FrameworkErrorResponses implements ErrorResponseProcessor<Object> {
    private final ErrorDialects dialects;
    private final NettyHttpServerConfiguration server;

    public FrameworkErrorResponses(ErrorDialects dialects, NettyHttpServerConfiguration server) {
        this.dialects = dialects;
        this.server = server;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = decoderRefusal(context, response.getStatus());
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return response.status(status)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(null);
        }
        String path = context.getRequest().getPath();
        TokenRefusal refused = status == HttpStatus.UNAUTHORIZED
                ? TokenRefusal.of(context.getRequest()).orElse(null)
                : null;
        BadInput bad = status == HttpStatus.BAD_REQUEST ? badInput(context) : null;
        MutableHttpResponse<Object> written;
        if (refused == TokenRefusal.ACCOUNT_GONE && isOwnProfileRead(context.getRequest())) {
            written = dialects.response(
                    path,
                    new NotFoundException("user_not_found", refused.exception().getMessage()));
        } else if (refused != null) {
            written = dialects.response(path, refused.exception());
        } else if (bad != null) {
            written = dialects.response(path, status, bad.code(), bad.message(), bad.field());
        } else {
            written = dialects.response(path, status, codeOf(status), messageOf(status, context), null);
        }
        response.status(written.getStatus());
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(written.body());
    }

    /**
     * Seed 002's {@code GET /api/v1/user} lists {@code 404 "user not found"}: every account has
     * its profile from registration, so only the token of a gone account meets it there.
     * Everywhere else that is 401 account_gone. Seed 002 quirk: see docs/api.md, "Seed quirks in the canonical code".
     */
    private static boolean isOwnProfileRead(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getMethod() == HttpMethod.GET && (path.equals("/api/v1/user") || path.equals("/api/v1/user/"));
    }

    /**
     * Micronaut answers every "too long" of Netty's HTTP decoder with 413, as if the body were too
     * large; a request line or headers over the decoder's limits have statuses of their own.
     */
    private static HttpStatus decoderRefusal(ErrorContext context, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE
                || !(context.getRequest() instanceof NettyHttpRequest<?> netty)) {
            return status;
        }
        return switch (netty.getNativeRequest().decoderResult().cause()) {
            case TooLongHttpHeaderException ignored -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case TooLongHttpLineException ignored -> HttpStatus.REQUEST_URI_TOO_LONG;
            case null, default -> status;
        };
    }

    /** A body or parameter the framework could not read, described without naming Java types. */
    private record BadInput(
            String code, String message, @Nullable String field) {
        /** Not readable at all, or of the wrong type. */
        static BadInput malformed(String message, @Nullable String field) {
            return new BadInput("bad_request", message, field);
        }

        /** Readable, but missing or not an allowed value: the same code the services use. */
        static BadInput invalid(String message, String field) {
            return new BadInput("invalid_input", message, field);
        }
    }

    private static BadInput badInput(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        ConversionErrorException conversion = null;
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof UnsatisfiedArgumentException missing) {
                return missing(missing.getArgument());
            }
            if (t instanceof UnsatisfiedRouteException missing) {
                return missing(missing.getArgument());
            }
            if (t instanceof ConversionErrorException c && conversion == null) {
                conversion = c;
            }
        }
        JsonReadFailures.Failure json = JsonReadFailures.describe(cause);
        if (json != null) {
            return new BadInput(json.code(), json.message(), json.field());
        }
        if (conversion != null) {
            String name = conversion.getArgument().getName();
            String value = conversion
                    .getConversionError()
                    .getOriginalValue()
                    .map(String::valueOf)
                    .orElse("");
            String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
            return BadInput.malformed(name + " has the wrong type or format: '" + shown + "'", name);
        }
        return null;
    }

    /** A required part, parameter or header that the request lacks, by the name a client sends. */
    private static BadInput missing(Argument<?> argument) {
        String name =
                argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(argument.getName());
        boolean file = FileUpload.class.isAssignableFrom(argument.getType());
        return BadInput.invalid(
                name + " is missing" + (file ? ": attach the file as a multipart part named '" + name + "'" : ""),
                name);
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad_request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "payload_too_large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers_too_large";
            case REQUEST_URI_TOO_LONG -> "uri_too_long";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            default ->
                status.getCode() >= 500 ? "internal_error" : status.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String messageOf(HttpStatus status, ErrorContext context) {
        return switch (status) {
            // The framework's own texts name internal classes; say what the caller needs instead.
            case UNAUTHORIZED -> "authentication required: send a valid 'Authorization: Bearer <token>' header";
            case FORBIDDEN -> "you may not do this";
            case NOT_FOUND ->
                "no such endpoint: " + context.getRequest().getMethod() + " "
                        + context.getRequest().getPath();
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than this server accepts";
            case REQUEST_HEADER_FIELDS_TOO_LARGE ->
                "the request headers are larger than this server accepts (" + kilobytes(server.getMaxHeaderSize())
                        + " in all)";
            case REQUEST_URI_TOO_LONG ->
                "the request URL is longer than this server accepts (" + kilobytes(server.getMaxInitialLineLength())
                        + " with the method and HTTP version)";
            default -> {
                if (status.getCode() >= 500) {
                    yield "internal server error";
                }
                String detail =
                        context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
                yield detail.isBlank() ? status.getReason() : detail;
            }
        };
    }

    private static String kilobytes(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
