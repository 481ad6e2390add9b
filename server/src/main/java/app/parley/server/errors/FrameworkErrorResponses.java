package app.parley.server.errors;

import app.parley.model.common.ErrorBody;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
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
public class FrameworkErrorResponses implements ErrorResponseProcessor<ErrorBody> {

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (context.getRequest().getMethod() == io.micronaut.http.HttpMethod.HEAD) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(null);
        }
        ErrorBody body = ErrorBody.of(status.getCode(), codeOf(status), messageOf(status, context), null);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
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
