package app.parley.server.errors;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
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

    public FrameworkErrorResponses(ErrorDialects dialects) {
        this.dialects = dialects;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (context.getRequest().getMethod() == io.micronaut.http.HttpMethod.HEAD) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(null);
        }
        BadInput bad = status == HttpStatus.BAD_REQUEST ? badInput(context) : null;
        MutableHttpResponse<Object> written = bad == null
                ? dialects.response(context.getRequest().getPath(), status, codeOf(status), messageOf(status, context), null)
                : dialects.response(context.getRequest().getPath(), status, codeOf(status), bad.message(), bad.field());
        response.status(written.getStatus());
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(written.body());
    }

    /** A body or parameter the framework could not read, described without naming Java types. */
    private record BadInput(String message, String field) {}

    private static BadInput badInput(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        ConversionErrorException conversion = null;
        DatabindException mapping = null;
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamReadException) {
                return new BadInput("the request body is not valid JSON", null);
            }
            if (t instanceof ConversionErrorException c && conversion == null) {
                conversion = c;
            }
            if (t instanceof DatabindException d && mapping == null) {
                mapping = d;
            }
        }
        if (mapping != null) {
            String path = mapping instanceof JsonMappingException withPath ? JsonPaths.of(withPath) : "";
            return path.isEmpty()
                    ? new BadInput("the request body must be a JSON object with the documented fields", null)
                    : new BadInput(path + " has the wrong type", path);
        }
        if (conversion != null) {
            String name = conversion.getArgument().getName();
            String value = conversion.getConversionError().getOriginalValue().map(String::valueOf).orElse("");
            String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
            return new BadInput(name + " has the wrong type or format: '" + shown + "'", name);
        }
        return null;
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
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            default -> status.getCode() >= 500 ? "internal_error" : status.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String messageOf(HttpStatus status, ErrorContext context) {
        return switch (status) {
            // The framework's own texts name internal classes; say what the caller needs instead.
            case UNAUTHORIZED -> "authentication required: send a valid 'Authorization: Bearer <token>' header";
            case FORBIDDEN -> "you may not do this";
            case NOT_FOUND -> "no such endpoint: " + context.getRequest().getMethod() + " " + context.getRequest().getPath();
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than this server accepts";
            default -> {
                if (status.getCode() >= 500) {
                    yield "internal server error";
                }
                String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
                yield detail.isBlank() ? status.getReason() : detail;
            }
        };
    }
}
