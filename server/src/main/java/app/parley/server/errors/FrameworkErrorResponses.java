package app.parley.server.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/**
 * Gives the errors that the framework itself raises (malformed JSON, wrong types, unknown
 * routes, oversized bodies, missing or bad tokens) the same shape as Parley's own.
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
        if (context.getRequest().getMethod() == io.micronaut.http.HttpMethod.HEAD) {
            return response.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(null);
        }
        BadInput bad = status == HttpStatus.BAD_REQUEST ? badInput(context) : null;
        MutableHttpResponse<Object> written = bad == null
                ? dialects.response(context.getRequest().getPath(), status, codeOf(status), messageOf(status, context), null)
                : dialects.response(context.getRequest().getPath(), status, bad.code(), bad.message(), bad.field());
        response.status(written.getStatus());
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(written.body());
    }

    /**
     * Micronaut answers every "too long" of Netty's HTTP decoder with 413, as if the body were too
     * large; a request line or headers over the decoder's limits have statuses of their own.
     */
    private static HttpStatus decoderRefusal(ErrorContext context, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || !(context.getRequest() instanceof NettyHttpRequest<?> netty)) {
            return status;
        }
        return switch (netty.getNativeRequest().decoderResult().cause()) {
            case TooLongHttpHeaderException ignored -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case TooLongHttpLineException ignored -> HttpStatus.REQUEST_URI_TOO_LONG;
            case null, default -> status;
        };
    }

    /** A body or parameter the framework could not read, described without naming Java types. */
    private record BadInput(String code, String message, @Nullable String field) {
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
        DatabindException mapping = null;
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InputCoercionException outOfRange) {
                return outOfRange(outOfRange, mapping);
            }
            if (t instanceof UnsatisfiedArgumentException missing) {
                return missing(missing.getArgument());
            }
            if (t instanceof UnsatisfiedRouteException missing) {
                return missing(missing.getArgument());
            }
            if (t instanceof StreamReadException) {
                return BadInput.malformed("the request body is not valid JSON", null);
            }
            if (t instanceof ConversionErrorException c && conversion == null) {
                conversion = c;
            }
            if (t instanceof DatabindException d && mapping == null) {
                mapping = d;
            }
        }
        if (mapping != null) {
            String path = mapping instanceof JsonMappingException withPath ? jsonPath(withPath) : "";
            return path.isEmpty()
                    ? BadInput.malformed("the request body must be a JSON object with the documented fields", null)
                    : BadInput.malformed(path + " has the wrong type", path);
        }
        if (conversion != null) {
            String name = conversion.getArgument().getName();
            String value = conversion.getConversionError().getOriginalValue().map(String::valueOf).orElse("");
            String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
            return BadInput.malformed(name + " has the wrong type or format: '" + shown + "'", name);
        }
        return null;
    }

    /**
     * A whole number that is valid JSON but does not fit its field's type. Named by the path the
     * mapper recorded, or else by where the parser stood when it refused the number.
     */
    private static BadInput outOfRange(InputCoercionException exception, @Nullable DatabindException mapping) {
        String path = mapping instanceof JsonMappingException withPath ? jsonPath(withPath) : "";
        if (path.isEmpty() && exception.getProcessor() instanceof JsonParser parser) {
            path = jsonPath(parser.getParsingContext());
        }
        Class<?> type = exception.getTargetType();
        String range = type == Integer.TYPE || type == Integer.class ? " between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                : type == Long.TYPE || type == Long.class ? " between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                : type == Short.TYPE || type == Short.class ? " between " + Short.MIN_VALUE + " and " + Short.MAX_VALUE
                : type == Byte.TYPE || type == Byte.class ? " between " + Byte.MIN_VALUE + " and " + Byte.MAX_VALUE
                : null;
        String subject = path.isEmpty() ? "a number in the request body" : path;
        return BadInput.invalid(subject + " is out of range" + (range == null ? "" : ": it must be" + range),
                path.isEmpty() ? null : path);
    }

    /** A required part, parameter or header that the request lacks, by the name a client sends. */
    private static BadInput missing(Argument<?> argument) {
        String name = argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(argument.getName());
        boolean file = FileUpload.class.isAssignableFrom(argument.getType());
        return BadInput.invalid(name + " is missing" + (file ? ": attach the file as a multipart part named '" + name + "'" : ""),
                name);
    }

    /** The JSON path of a mapping failure as a client wrote it, e.g. {@code users[0].id}. */
    private static String jsonPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The same path from the parser's position, for failures the mapper did not wrap. */
    private static String jsonPath(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                steps.addFirst(at.getCurrentName());
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                steps.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            path.append(path.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
        }
        return path.toString();
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
            default -> status.getCode() >= 500 ? "internal_error" : status.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String messageOf(HttpStatus status, ErrorContext context) {
        return switch (status) {
            // The framework's own texts name internal classes; say what the caller needs instead.
            case UNAUTHORIZED -> "authentication required: send a valid 'Authorization: Bearer <token>' header";
            case FORBIDDEN -> "you may not do this";
            case NOT_FOUND -> "no such endpoint: " + context.getRequest().getMethod() + " " + context.getRequest().getPath();
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than this server accepts";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request headers are larger than this server accepts ("
                    + kilobytes(server.getMaxHeaderSize()) + " in all)";
            case REQUEST_URI_TOO_LONG -> "the request URL is longer than this server accepts ("
                    + kilobytes(server.getMaxInitialLineLength()) + " with the method and HTTP version)";
            default -> {
                if (status.getCode() >= 500) {
                    yield "internal server error";
                }
                String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
                yield detail.isBlank() ? status.getReason() : detail;
            }
        };
    }

    private static String kilobytes(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
